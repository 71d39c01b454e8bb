//! [`Checked<T>`]: a field that always deserializes.
//!
//! serde stops at the first error, but a brief's author needs every problem
//! at once, each with its JSON path. So the format types are strict-shaped
//! structs whose fields are `Checked`: reading a `Checked<T>` never fails.
//! It holds the `T` that was there, notes that nothing was there, or notes
//! what kind of value was there instead (a number where a string belongs).
//! The validator then walks the structs, where each field's path is known,
//! and turns every note into a [`crate::Problem`].
//!
//! Swallowing an error is sound only when the deserializer hands each value
//! out as a whole (so a failed field leaves the rest readable): that holds
//! for `serde_json::Value` (the command line parses to one first) and for
//! `serde_wasm_bindgen` (one `JsValue` per field). Never read these types
//! straight from a streaming deserializer such as `serde_json::from_str`.
//!
//! For JSON Schema and TypeScript a `Checked<T>` is simply a `T`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

/// What was found where a `T` was expected.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Checked<T> {
    /// Nothing, or `null`: for a required field, "is required".
    #[default]
    Absent,
    /// A value of the expected shape (its content is checked by the validator).
    Valid(T),
    /// A value of another kind.
    Invalid(Found),
}

impl<T> From<T> for Checked<T> {
    fn from(value: T) -> Self {
        Checked::Valid(value)
    }
}

/// The kind of a JSON value, as a problem names it ("found a number").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
    /// A value the deserializer could not name (a string naming no variant of
    /// an enum is reported by the validator in its own words).
    Other,
}

impl Found {
    /// "a number", "an object", …
    pub fn name(self) -> &'static str {
        match self {
            Found::Boolean => "a boolean",
            Found::Number => "a number",
            Found::String => "a string",
            Found::Array => "an array",
            Found::Object => "an object",
            Found::Other => "another kind of value",
        }
    }
}

/// What a type is called in "expected …, found …".
pub trait Expected {
    /// E.g. "a string", "an object", "true or false".
    const EXPECTED: &'static str;
    /// Whether the type is one of the format's objects, read from an
    /// object's members only (serde's derive would also read a struct from
    /// an array, field by field, which the format does not allow).
    const OBJECT: bool = false;
}

impl Expected for String {
    const EXPECTED: &'static str = "a string";
}

impl Expected for bool {
    const EXPECTED: &'static str = "true or false";
}

impl Expected for u8 {
    const EXPECTED: &'static str = "a whole number";
}

impl Expected for u32 {
    const EXPECTED: &'static str = "a whole number";
}

impl Expected for f64 {
    const EXPECTED: &'static str = "a number";
}

impl<T> Expected for Vec<T> {
    const EXPECTED: &'static str = "an array";
}

impl<T: Expected> Expected for Box<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    const OBJECT: bool = T::OBJECT;
}

impl<'de, T: Deserialize<'de> + Expected> Deserialize<'de> for Checked<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `deserialize_option` is how serde says "absent or null", for a
        // missing field as for an explicit `null`.
        deserializer.deserialize_option(CheckedVisitor(PhantomData))
    }
}

struct CheckedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Expected> Visitor<'de> for CheckedVisitor<T> {
    type Value = Checked<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Checked::Absent)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Checked::Absent)
    }

    /// The `T` the value may be; when it is not, what it is instead (noted
    /// as the deserializer hands the value to `T`'s visitor). Each value is
    /// read once, where it is: nothing is rebuilt on the way down.
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        let found = Cell::new(None);
        let read = if T::OBJECT {
            T::deserialize(Noting::<D, true> { inner: deserializer, found: &found })
        } else {
            T::deserialize(Noting::<D, false> { inner: deserializer, found: &found })
        };
        Ok(read.map_or_else(|_| Checked::Invalid(found.get().unwrap_or(Found::Other)), Checked::Valid))
    }
}

/// A deserializer that notes the kind of value it hands to the visitor, so
/// that a failed `T` can say what it found. `OBJECT`: `T` is one of the
/// format's objects (see [`Expected::OBJECT`]), read from an object only.
struct Noting<'f, D, const OBJECT: bool> {
    inner: D,
    found: &'f Cell<Option<Found>>,
}

impl<'de, D: Deserializer<'de>, const OBJECT: bool> Deserializer<'de> for Noting<'_, D, OBJECT> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(NotingVisitor::<V, OBJECT> { inner: visitor, found: self.found })
    }

    /// Enums (`"dir": "rtl"`) are read from a string naming the variant.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_enum(name, variants, NotingVisitor::<V, OBJECT> { inner: visitor, found: self.found })
    }

    // The format types are read from self-describing values (serde_json's
    // `Value`, serde_wasm_bindgen's `JsValue`), so every other hint can be
    // answered by looking at the value itself.
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct NotingVisitor<'f, V, const OBJECT: bool> {
    inner: V,
    found: &'f Cell<Option<Found>>,
}

impl<V, const OBJECT: bool> NotingVisitor<'_, V, OBJECT> {
    fn note(&self, found: Found) {
        self.found.set(Some(found));
    }
}

impl<'de, V: Visitor<'de>, const OBJECT: bool> Visitor<'de> for NotingVisitor<'_, V, OBJECT> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<V::Value, E> {
        self.note(Found::Boolean);
        self.inner.visit_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<V::Value, E> {
        self.note(Found::Number);
        self.inner.visit_i64(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<V::Value, E> {
        self.note(Found::Number);
        self.inner.visit_u64(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        self.note(Found::Number);
        self.inner.visit_f64(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.note(Found::String);
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.note(Found::String);
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.note(Found::String);
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.note(Found::Array);
        // serde's derive would also read a struct from an array, field by
        // field; the format's objects are objects only (as the schema says).
        if OBJECT {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.inner.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.note(Found::Object);
        self.inner.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.note(Found::String);
        self.inner.visit_enum(data)
    }
}

/// A `Checked` value as what it holds; an absent or invalid one as `null`.
impl<T: Serialize> Serialize for Checked<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Checked::Valid(value) => value.serialize(serializer),
            Checked::Absent | Checked::Invalid(_) => serializer.serialize_none(),
        }
    }
}

/// For JSON Schema (and the TypeScript declarations made from it), a
/// `Checked<T>` is a `T`.
impl<T: JsonSchema> JsonSchema for Checked<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// Reads a sequence whose items are each `Checked`: an array always reads,
/// whatever its items hold. (Used by the hand-written visitors of the
/// string-or-array types and of the feed.)
///
/// Items past the first `max` are counted, not read: the list is refused
/// for its length alone (validation reports "at most `max` items (has N)"),
/// and reading each of a hundred thousand briefs into a struct would make a
/// 1 MB input cost hundreds of megabytes of the module's memory.
pub(crate) fn checked_items<'de, T: Deserialize<'de> + Expected, A: SeqAccess<'de>>(
    mut seq: A,
    max: usize,
) -> Result<Vec<Checked<T>>, A::Error> {
    let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(max + 1));
    while items.len() < max {
        match seq.next_element::<Checked<T>>()? {
            Some(item) => items.push(item),
            None => return Ok(items),
        }
    }
    while seq.next_element::<de::IgnoredAny>()?.is_some() {
        items.push(Checked::Absent);
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Probe {
        name: Checked<String>,
        flag: Option<Checked<bool>>,
        list: Option<Checked<Vec<Checked<String>>>>,
    }

    fn probe(json: &str) -> Probe {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        Probe::deserialize(value).unwrap()
    }

    #[test]
    fn every_field_reads_whatever_it_holds() {
        let p = probe(r#"{"name": 3, "flag": "yes", "list": ["a", 1, {}]}"#);
        assert_eq!(p.name, Checked::Invalid(Found::Number));
        assert_eq!(p.flag, Some(Checked::Invalid(Found::String)));
        let Some(Checked::Valid(list)) = p.list else { panic!("{:?}", p.list) };
        assert_eq!(list, [Checked::Valid("a".into()), Checked::Invalid(Found::Number), Checked::Invalid(Found::Object)]);
    }

    #[test]
    fn an_object_is_never_read_from_an_array() {
        #[derive(Deserialize, Debug, PartialEq)]
        struct Pair {
            a: Checked<String>,
            b: Option<Checked<String>>,
        }
        impl Expected for Pair {
            const EXPECTED: &'static str = "an object";
            const OBJECT: bool = true;
        }
        let value: serde_json::Value = serde_json::from_str(r#"["x", null]"#).unwrap();
        assert_eq!(Checked::<Pair>::deserialize(value).unwrap(), Checked::Invalid(Found::Array));
        let value: serde_json::Value = serde_json::from_str(r#"{"a": "x"}"#).unwrap();
        assert_eq!(Checked::<Pair>::deserialize(value).unwrap(), Checked::Valid(Pair { a: Checked::Valid("x".into()), b: None }));
    }

    #[test]
    fn items_past_the_most_a_list_may_hold_are_counted_not_read() {
        let value = serde_json::json!(["a", 1, "c", "d", {}]);
        let seq = serde::de::value::SeqDeserializer::<_, serde_json::Error>::new(value.as_array().unwrap().iter().cloned());
        let items = checked_items::<String, _>(seq, 2).unwrap();
        assert_eq!(items, [Checked::Valid("a".into()), Checked::Invalid(Found::Number), Checked::Absent, Checked::Absent, Checked::Absent]);
    }

    #[test]
    fn missing_and_null_are_absent() {
        let p = probe(r#"{"name": null, "unknown": [1]}"#);
        assert_eq!((p.name, p.flag, p.list), (Checked::Absent, None, None));
        assert_eq!(probe(r#"{}"#).name, Checked::Absent);
        assert_eq!(probe(r#"{"name": "n", "list": {}}"#).list, Some(Checked::Invalid(Found::Object)));
    }
}
