//! A TIMEX3 value ("2025-03-14", "P3D", "PRESENT_REF") in 16 bytes, held inline when it is short.
//!
//! A document of year-strings is one time expression per five bytes, so the value's size is most
//! of the extraction's memory: a `String` took 24 bytes plus a heap block for every expression
//! (issue 16.2). Almost every value fits in 15 bytes and is stored inline; a longer one ("2025-03-
//! 14T10:30:45") goes to the heap. It reads as a `&str` everywhere (`Deref`, `Display`, `Debug`),
//! so what is written out does not change.

use std::fmt;
use std::ops::Deref;

/// Bytes a value holds without a heap block.
const INLINE: usize = 15;

/// A TIMEX3 value: a string, compact.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Value(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// The first `len` bytes are the value; the rest are zero.
    Inline { bytes: [u8; INLINE], len: Len },
    /// Boxed twice so that this variant is 8 bytes and the enum stays 16 (the tag lives in the
    /// values `Len` cannot take).
    Heap(Box<Box<str>>),
}

/// The length of an inline value, 0 to 15: a type with 16 values leaves the other 240 of its byte
/// for `Repr`'s tag.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
enum Len {
    L0,
    L1,
    L2,
    L3,
    L4,
    L5,
    L6,
    L7,
    L8,
    L9,
    L10,
    L11,
    L12,
    L13,
    L14,
    L15,
}

const LENS: [Len; INLINE + 1] = [
    Len::L0,
    Len::L1,
    Len::L2,
    Len::L3,
    Len::L4,
    Len::L5,
    Len::L6,
    Len::L7,
    Len::L8,
    Len::L9,
    Len::L10,
    Len::L11,
    Len::L12,
    Len::L13,
    Len::L14,
    Len::L15,
];

// The point of the type: half a `Timex`'s former value, no heap block.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

impl Value {
    pub fn new(s: &str) -> Value {
        match LENS.get(s.len()) {
            Some(&len) => {
                let mut bytes = [0u8; INLINE];
                bytes[..s.len()].copy_from_slice(s.as_bytes());
                Value(Repr::Inline { bytes, len })
            }
            None => Value(Repr::Heap(Box::new(s.into()))),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { bytes, len } => {
                let b = &bytes[..*len as usize];
                // Always valid: the bytes were copied whole from a `str` (`new`). The fallback only
                // keeps this free of `unsafe`.
                std::str::from_utf8(b).unwrap_or_default()
            }
            Repr::Heap(s) => s,
        }
    }
}

impl Deref for Value {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Value {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Default for Value {
    fn default() -> Self {
        Value::new("")
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::new(s)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::new(&s)
    }
}

impl From<Value> for String {
    fn from(v: Value) -> Self {
        v.as_str().to_string()
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_reads_back_as_written() {
        let rows = [
            "",
            "2025",
            "PRESENT_REF",
            "2025-03-14",
            "XXXX-XX-XXTMO",
            "2025-03-14T10:3",
            "2025-03-14T10:30",
            "2025-03-14T10:30:45",
            "P1Y6M3DT4H30M",
            "é-2025-ü",
        ];
        for s in rows {
            let v = Value::new(s);
            assert_eq!(v.as_str(), s);
            assert_eq!(v, s);
            assert_eq!(format!("{v}"), s);
            assert_eq!(format!("{v:?}"), format!("{s:?}"));
            assert_eq!(String::from(v.clone()), s);
            assert_eq!(v, Value::from(s.to_string()));
        }
        // 15 bytes stay inline, 16 go to the heap; both compare by content.
        assert!(matches!(Value::new(&"x".repeat(15)).0, Repr::Inline { .. }));
        assert!(matches!(Value::new(&"x".repeat(16)).0, Repr::Heap(_)));
        assert_ne!(Value::new("2025"), Value::new("2025 "));
    }
}
