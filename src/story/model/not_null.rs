//! Optional fields are left out, never `null`: `"date": null` once passed as "no
//! date", which hid mistakes (a date deleted by accident looks just like one never
//! known). The schema says the same, so an editor flags a `null` as it is typed.

use serde::{Deserialize, Deserializer};

/// For `#[serde(default, deserialize_with = …)]` on an `Option`: absent is `None`; a
/// present value must be a real one, and `null` fails with serde's "invalid type:
/// null", which the loader words as "leave the field out".
pub(crate) fn present<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}
