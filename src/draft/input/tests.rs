//! Input readers on invented pages: headline, furniture, metadata, hostile bytes.

use super::{Form, Line, read_article};

fn paragraphs(text: &str, file: &str) -> Vec<String> {
    read_article(file, text.as_bytes())
        .unwrap()
        .paragraphs()
        .map(str::to_owned)
        .collect()
}

#[test]
fn plain_text_takes_its_first_line_as_the_headline() {
    let article = read_article(
        "a.txt",
        b"Harbour opens a ferry pier\n\nThe pier opened.\nBoats docked.\n",
    )
    .unwrap();
    assert_eq!(article.title, "Harbour opens a ferry pier");
    assert_eq!(article.form, Some(Form::Plain));
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        ["The pier opened.", "Boats docked."]
    );
}

#[test]
fn a_dump_marks_banner_repeated_headline_share_bars_stamps_and_trailer_as_furniture() {
    let page = "Coastal Weekly 2026 Lisbon\nKestrel buys a dairy\n\nKestrel buys a dairy\n\nshare on\n\n03/14 2026 912\n\nKestrel Foods bought Marlow Dairy on Friday.\nDon't miss: Ten cheeses to try\nThe deal closed quickly.\n\nRelated articles:\n\nKestrel opens a shop\nshare on\n";
    let article = read_article("d.txt", page.as_bytes()).unwrap();
    assert_eq!(article.title, "Kestrel buys a dairy");
    assert_eq!(article.form, Some(Form::Dump));
    assert_eq!(article.published.as_deref(), Some("2026-03-14"));
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        [
            "Kestrel Foods bought Marlow Dairy on Friday.",
            "The deal closed quickly."
        ]
    );
    assert_eq!(
        article.lines[0],
        Line::Furniture("Coastal Weekly 2026 Lisbon".into())
    );
}

#[test]
fn a_banner_above_the_headline_is_furniture_when_a_stamp_follows_the_headline() {
    let page =
        "Valley Desk | Business\nMill reopens after flood\n\n05/21 2026 88\n\nThe mill reopened.\n";
    let article = read_article("m.txt", page.as_bytes()).unwrap();
    assert_eq!(article.title, "Mill reopens after flood");
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        ["The mill reopened."]
    );
}

#[test]
fn a_posted_line_is_furniture_and_gives_the_date() {
    let page =
        "Bank app draws complaints\nPosted 28 April 2026 · 2,311 views\nCustomers wrote in.\n";
    let article = read_article("p.txt", page.as_bytes()).unwrap();
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        ["Customers wrote in."]
    );
    assert_eq!(article.published.as_deref(), Some("2026-04-28"));
}

#[test]
fn a_copyright_notice_at_the_foot_is_furniture_but_the_word_in_the_story_is_not() {
    let page = "Court rules on a song\nThe court heard a copyright case about a jingle.\nThe ruling came on Monday.\n© 2026 Coastal Weekly. All rights reserved.\n";
    assert_eq!(
        paragraphs(page, "c.txt"),
        [
            "The court heard a copyright case about a jingle.",
            "The ruling came on Monday."
        ]
    );
}

#[test]
fn front_matter_gives_title_outlet_date_url_and_author() {
    let text = "---\ntitle: \"Shuttle slips a week\"\nsite: Orbit Desk\npublished: 2026-05-02T10:00:00Z\nurl: https://example.org/s\nauthor: R. Vale\n---\n# Shuttle slips a week\n\nThe launch moved.\n";
    let article = read_article("s.md", text.as_bytes()).unwrap();
    assert_eq!(article.title, "Shuttle slips a week");
    assert_eq!(article.outlet.as_deref(), Some("Orbit Desk"));
    assert_eq!(article.published.as_deref(), Some("2026-05-02"));
    assert_eq!(article.url.as_deref(), Some("https://example.org/s"));
    assert_eq!(article.author.as_deref(), Some("R. Vale"));
    assert_eq!(
        article.paragraphs().collect::<Vec<_>>(),
        ["The launch moved."]
    );
}

const PAGE: &str = r#"<!doctype html><html><head><title>Site | Ferrant buys Skylark</title>
<meta property="og:title" content="Ferrant buys Skylark">
<meta property="og:site_name" content="Valley Ledger">
<meta property="article:published_time" content="2026-04-09T07:30:00+02:00">
<link rel="canonical" href="https://ledger.example/ferrant-skylark">
<script>var tracking = "Ferrant script text";</script></head>
<body><nav><a href="/">Home</a> <a href="/biz">Business</a></nav>
<div class="cookie">We use cookies to improve the site.</div>
<article><h1>Ferrant buys Skylark</h1>
<p>Ferrant Aviation agreed on Tuesday to buy the drone maker Skylark Systems for an undisclosed sum, the two companies said in a joint statement released to the press.</p>
<figure><img src="x.jpg"><figcaption>A Skylark drone over the valley, in a photo from the company archive.</figcaption></figure>
<p>The purchase gives Ferrant a factory in the north and about 300 engineers who build delivery drones for farms and hospitals in the region.</p>
<p>Regulators still have to approve the deal, which analysts at two banks expect to close before the end of the summer season.</p>
<h2>Further reading</h2><ul><li><a href="/a">Skylark raises money</a></li><li><a href="/b">Ferrant's new jet</a></li></ul>
</article><footer>Copyright Valley Ledger. Contact us.</footer></body></html>"#;

#[test]
fn html_metadata_and_main_text_leave_out_nav_scripts_captions_and_further_reading() {
    let article = read_article("f.html", PAGE.as_bytes()).unwrap();
    assert_eq!(article.title, "Ferrant buys Skylark");
    assert_eq!(article.outlet.as_deref(), Some("Valley Ledger"));
    assert_eq!(article.published.as_deref(), Some("2026-04-09"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://ledger.example/ferrant-skylark")
    );
    let paragraphs: Vec<&str> = article.paragraphs().collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    assert!(paragraphs[0].starts_with("Ferrant Aviation agreed"));
    let all: String = article.lines.iter().map(|l| format!("{l:?}")).collect();
    for left_out in [
        "tracking",
        "Home",
        "cookies",
        "photo from the company",
        "Contact us",
    ] {
        assert!(
            !paragraphs.iter().any(|p| p.contains(left_out)),
            "{left_out} in {all}"
        );
    }
}

#[test]
fn json_ld_date_is_read_when_no_meta_gives_one() {
    let page = PAGE
        .replace(r#"<meta property="article:published_time" content="2026-04-09T07:30:00+02:00">"#, r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-04-08T22:00:00Z"}</script>"#);
    let article = read_article("f.html", page.as_bytes()).unwrap();
    assert_eq!(article.published.as_deref(), Some("2026-04-08"));
}

#[test]
fn hostile_input_gets_a_message_never_a_panic() {
    let binary: Vec<u8> = (0..4000u32).map(|i| (i % 7) as u8).collect();
    assert!(
        read_article("x.bin", &binary)
            .unwrap_err()
            .contains("not text")
    );
    assert!(
        read_article("x.txt", &[0xff, 0xfe, 0x41])
            .unwrap_err()
            .contains("UTF-8")
    );
    let huge = "<p>word </p>".repeat(super::MAX_INPUT_BYTES / 8);
    assert!(
        read_article("big.html", huge.as_bytes())
            .unwrap_err()
            .contains("too large")
    );
    let empty_page = "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>";
    assert!(
        read_article("e.html", empty_page.as_bytes())
            .unwrap_err()
            .contains("no article")
    );
    let cjk = "苹果选择阿里巴巴\n苹果公司宣布与阿里巴巴合作。\n";
    assert_eq!(paragraphs(cjk, "c.txt"), ["苹果公司宣布与阿里巴巴合作。"]);
}
