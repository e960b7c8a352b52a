//! Small gazetteers, case as written: product lines whose numbers are not model
//! versions, places and markets, and the news outlets and data firms articles cite.
//! Data, not code: add a name to teach the kind cues and the name rules about it.

/// Product lines whose names carry numbers that are not model versions (case as written).
#[rustfmt::skip]
pub(crate) const PRODUCT_STEMS: &[&str] = &[
    "iPhone", "iPad", "iOS", "macOS", "Android", "Windows", "Galaxy", "Pixel", "PlayStation",
    "Xbox", "Mac", "MacBook", "Surface",
];

/// Places and markets (case as written).
#[rustfmt::skip]
pub(crate) const PLACES: &[&str] = &[
    "China", "Chinese mainland", "Mainland China", "Greater China", "Hong Kong", "Macau",
    "Taiwan", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "Japan", "Tokyo",
    "South Korea", "Korea", "Seoul", "India", "Singapore", "Asia", "Asia Pacific", "Europe",
    "United States", "US", "U.S.", "USA", "America", "United Kingdom", "UK", "Britain",
    "London", "Germany", "France", "Paris", "Berlin", "Canada", "Australia", "Brazil",
    "Mexico", "Russia", "Silicon Valley", "New York", "California", "Washington", "EU",
    "European Union", "Middle East", "Africa", "Vietnam", "Indonesia", "Thailand", "Malaysia",
];

/// News outlets and data firms that articles cite (case as written).
#[rustfmt::skip]
pub(crate) const OUTLETS: &[&str] = &[
    "The Information", "Reuters", "Bloomberg", "Bloomberg News", "Financial Times",
    "The Wall Street Journal", "Wall Street Journal", "The New York Times", "New York Times",
    "CNBC", "South China Morning Post", "Caixin", "Xinhua", "The Verge", "TechCrunch",
    "The Economist", "The Guardian", "BBC", "CNN", "Nikkei", "Nikkei Asia", "Associated Press",
    "AP", "AFP", "Yicai", "MARKETING-INTERACTIVE", "Axios", "Forbes",
];
