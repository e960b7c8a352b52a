//! Where in the text a record is while serde_json parses it, for the progress report:
//! a record is deserialised through thin wrappers that pass every call on unchanged,
//! except that the names of the record's fields, which serde_json lends straight out
//! of the text when they hold no escape, have their address noted. The address less
//! the text's start is the byte the parse has reached. One store per field name; no
//! copy, no second pass.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use std::sync::atomic::{AtomicU64, Ordering};

/// Deserialises one record of type `T`, noting its place in the text as it goes.
pub(super) struct Located<'p, T> {
    progress: &'p AtomicU64,
    base: usize,
    record: PhantomData<T>,
}

impl<'p, T> Located<'p, T> {
    /// `base` is the address of the text's first byte; `progress` is where the byte
    /// reached goes.
    pub(super) fn new(progress: &'p AtomicU64, base: usize) -> Located<'p, T> {
        Located {
            progress,
            base,
            record: PhantomData,
        }
    }
}

/// Where the noted addresses go.
#[derive(Clone, Copy)]
struct Mark<'p> {
    progress: &'p AtomicU64,
    base: usize,
}

impl Mark<'_> {
    fn note(self, borrowed: &str) {
        let offset = (borrowed.as_ptr() as usize).wrapping_sub(self.base);
        self.progress.store(offset as u64, Ordering::Relaxed);
    }
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for Located<'_, T> {
    type Value = T;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        let mark = Mark {
            progress: self.progress,
            base: self.base,
        };
        T::deserialize(Record {
            inner: deserializer,
            mark,
        })
    }
}

/// Passes every `deserialize_*` call of a deserializer on; `$wrap` says what becomes
/// of the visitor of the ones listed in `$watched`.
macro_rules! pass_on_deserializer {
    ($($method:ident ( $($arg:ident : $ty:ty),* );)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, Self::Error> {
                self.inner.$method($($arg,)* visitor)
            }
        )*
    };
}

/// The plain `deserialize_*` methods, passed on as they are.
macro_rules! plain_methods {
    () => {
        pass_on_deserializer! {
            deserialize_bool(); deserialize_i8(); deserialize_i16(); deserialize_i32();
            deserialize_i64(); deserialize_i128(); deserialize_u8(); deserialize_u16();
            deserialize_u32(); deserialize_u64(); deserialize_u128(); deserialize_f32();
            deserialize_f64(); deserialize_char(); deserialize_bytes();
            deserialize_byte_buf(); deserialize_option(); deserialize_unit();
            deserialize_unit_struct(name: &'static str);
            deserialize_newtype_struct(name: &'static str);
            deserialize_seq(); deserialize_tuple(len: usize);
            deserialize_tuple_struct(name: &'static str, len: usize);
            deserialize_enum(name: &'static str, variants: &'static [&'static str]);
            deserialize_ignored_any();
        }
    };
}

/// A record's deserializer: its object's field names are watched.
struct Record<'p, D> {
    inner: D,
    mark: Mark<'p>,
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Record<'_, D> {
    type Error = D::Error;

    plain_methods!();
    pass_on_deserializer! {
        deserialize_any(); deserialize_str(); deserialize_string(); deserialize_identifier();
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_map(Watching {
            inner: visitor,
            mark,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_struct(
            name,
            fields,
            Watching {
                inner: visitor,
                mark,
            },
        )
    }
}

/// A field name's deserializer: its text is noted.
struct Name<'p, D> {
    inner: D,
    mark: Mark<'p>,
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Name<'_, D> {
    type Error = D::Error;

    plain_methods!();
    pass_on_deserializer! {
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_any(Noting {
            inner: visitor,
            mark,
        })
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_str(Noting {
            inner: visitor,
            mark,
        })
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_string(Noting {
            inner: visitor,
            mark,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        let mark = self.mark;
        self.inner.deserialize_identifier(Noting {
            inner: visitor,
            mark,
        })
    }
}

/// Passes the `visit_*` calls of a visitor on to `self.inner`.
macro_rules! pass_on_visits {
    ($($method:ident ( $ty:ty );)*) => {
        $(
            fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
                self.inner.$method(value)
            }
        )*
    };
}

/// Every visit but the ones a wrapper changes.
macro_rules! plain_visits {
    () => {
        fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
            self.inner.expecting(formatter)
        }
        pass_on_visits! {
            visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64);
            visit_i128(i128); visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64);
            visit_u128(u128); visit_f32(f32); visit_f64(f64); visit_char(char);
            visit_string(String); visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]);
            visit_byte_buf(Vec<u8>);
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            self.inner.visit_none()
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.inner.visit_unit()
        }
        fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            self.inner.visit_some(d)
        }
        fn visit_newtype_struct<D: de::Deserializer<'de>>(
            self,
            d: D,
        ) -> Result<Self::Value, D::Error> {
            self.inner.visit_newtype_struct(d)
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            self.inner.visit_seq(seq)
        }
        fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
            self.inner.visit_enum(data)
        }
    };
}

/// A record's visitor: the object it is given has its field names watched.
struct Watching<'p, V> {
    inner: V,
    mark: Mark<'p>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Watching<'_, V> {
    type Value = V::Value;

    plain_visits!();
    pass_on_visits! { visit_str(&str); visit_borrowed_str(&'de str); }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let mark = self.mark;
        self.inner.visit_map(Fields { inner: map, mark })
    }
}

/// A field name's visitor: a name lent from the text has its address noted.
struct Noting<'p, V> {
    inner: V,
    mark: Mark<'p>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Noting<'_, V> {
    type Value = V::Value;

    plain_visits!();
    pass_on_visits! { visit_str(&str); }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        self.mark.note(value);
        self.inner.visit_borrowed_str(value)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(map)
    }
}

/// A record's fields: each name goes through `Name`.
struct Fields<'p, A> {
    inner: A,
    mark: Mark<'p>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Fields<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mark = self.mark;
        self.inner.next_key_seed(NameSeed { inner: seed, mark })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// The seed of a field name, handed a `Name` deserializer.
struct NameSeed<'p, K> {
    inner: K,
    mark: Mark<'p>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for NameSeed<'_, K> {
    type Value = K::Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.inner.deserialize(Name {
            inner: deserializer,
            mark: self.mark,
        })
    }
}
