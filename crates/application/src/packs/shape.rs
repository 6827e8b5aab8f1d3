//! The shape of a pack, checked before it is read into the bank's types:
//! every field of the wrong type is named with its path and what was
//! expected instead, all of them at once, and a key given twice anywhere
//! is refused (a JSON reader would quietly keep the last one).

use std::fmt;

use quiz_domain::{QuestionKind, BANK_FORMAT};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::url_query::shortened;

/// A JSON document with its objects' keys in order, repeats kept.
pub(crate) enum Json {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What was found, as a message says it.
    fn described(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(value) => value.to_string(),
            Json::Integer(value) => format!("the number {value}"),
            Json::Float(value) => format!("the number {value}"),
            Json::Text(text) => format!("the string {:?}", shortened(text)),
            Json::List(_) => "a list".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("JSON")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        Ok(Json::Integer(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(i64::try_from(value).map_or(Json::Float(value as f64), Json::Integer))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Json::Float(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::Text(value.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Json, A::Error> {
        let mut list = Vec::new();
        while let Some(item) = items.next_element()? {
            list.push(item);
        }
        Ok(Json::List(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Json, A::Error> {
        let mut object = Vec::new();
        while let Some(entry) = entries.next_entry::<String, Json>()? {
            object.push(entry);
        }
        Ok(Json::Object(object))
    }
}

/// Every problem of shape in a pack, in document order; empty when the
/// pack can be read into a bank (its rules are checked after that).
pub(crate) fn shape_problems(pack: &Json) -> Vec<String> {
    let mut check = Check::default();
    check.duplicate_keys("", pack);
    let Json::Object(fields) = pack else {
        return vec![format!(
            "the pack: expected an object, found {}",
            pack.described()
        )];
    };
    match field(fields, "format") {
        None => return vec!["the pack has no format version".into()],
        Some(Json::Integer(format)) if *format == i64::from(BANK_FORMAT) => {}
        Some(Json::Integer(format)) => {
            return vec![format!(
                "the pack has format {format}, this app reads format {BANK_FORMAT}"
            )]
        }
        Some(other) => check.wrong("format", &format!("the number {BANK_FORMAT}"), other),
    }
    if let Some(book) = check.object_field(fields, "", "book", true) {
        for name in ["id", "title", "authors", "summary"] {
            check.text_field(book, "book", name, true);
        }
        check.text_field(book, "book", "edition", false);
    }
    if let Some(places) = check.object_field(fields, "", "where_to_read", false) {
        let path = "where_to_read";
        if let Some(free) = check.object_field(places, path, "free_edition", false) {
            let free_path = join(path, "free_edition");
            check.link_field(free, &free_path, "link", true);
            check.text_field(free, &free_path, "licence", true);
        }
        check.link_field(places, path, "publisher", false);
        check.each(places, path, "companions", false, Check::link);
    }
    check.each(fields, "", "chapters", true, |check, path, chapter| {
        if let Some(chapter) = check.object(path, chapter) {
            check.text_field(chapter, path, "id", true);
            check.text_field(chapter, path, "title", true);
        }
    });
    check.each(fields, "", "questions", true, Check::question);
    check.problems
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// The first value under `name`; a repeated key is reported on its own.
fn field<'a>(fields: &'a [(String, Json)], name: &str) -> Option<&'a Json> {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

#[derive(Default)]
struct Check {
    problems: Vec<String>,
}

impl Check {
    fn wrong(&mut self, path: &str, expected: &str, found: &Json) {
        self.problems.push(format!(
            "{path}: expected {expected}, found {}",
            found.described()
        ));
    }

    fn duplicate_keys(&mut self, path: &str, value: &Json) {
        match value {
            Json::Object(fields) => {
                for (at, (key, value)) in fields.iter().enumerate() {
                    let inner = join(path, key);
                    if fields[..at].iter().any(|(earlier, _)| earlier == key) {
                        let place = if path.is_empty() { "the pack" } else { path };
                        self.problems.push(format!(
                            "{place}: the key {:?} is given twice",
                            shortened(key)
                        ));
                    }
                    self.duplicate_keys(&inner, value);
                }
            }
            Json::List(items) => {
                for (index, item) in items.iter().enumerate() {
                    self.duplicate_keys(&format!("{path}[{index}]"), item);
                }
            }
            _ => {}
        }
    }

    /// The value under `name`, or a problem when it is required and absent.
    /// An optional field may also be null.
    fn present<'a>(
        &mut self,
        fields: &'a [(String, Json)],
        path: &str,
        name: &str,
        required: bool,
        expected: &str,
    ) -> Option<&'a Json> {
        match field(fields, name) {
            None if required => {
                self.problems.push(format!(
                    "{}: missing (expected {expected})",
                    join(path, name)
                ));
                None
            }
            Some(Json::Null) if !required => None,
            found => found,
        }
    }

    fn object<'a>(&mut self, path: &str, value: &'a Json) -> Option<&'a [(String, Json)]> {
        match value {
            Json::Object(fields) => Some(fields),
            other => {
                self.wrong(path, "an object", other);
                None
            }
        }
    }

    fn object_field<'a>(
        &mut self,
        fields: &'a [(String, Json)],
        path: &str,
        name: &str,
        required: bool,
    ) -> Option<&'a [(String, Json)]> {
        let value = self.present(fields, path, name, required, "an object")?;
        self.object(&join(path, name), value)
    }

    fn text_field(&mut self, fields: &[(String, Json)], path: &str, name: &str, required: bool) {
        match self.present(fields, path, name, required, "a string") {
            None | Some(Json::Text(_)) => {}
            Some(other) => self.wrong(&join(path, name), "a string", other),
        }
    }

    fn bool_field(&mut self, fields: &[(String, Json)], path: &str, name: &str) {
        match self.present(fields, path, name, false, "true or false") {
            None | Some(Json::Bool(_)) => {}
            Some(other) => self.wrong(&join(path, name), "true or false", other),
        }
    }

    fn link(&mut self, path: &str, value: &Json) {
        if let Some(link) = self.object(path, value) {
            self.text_field(link, path, "url", true);
            self.text_field(link, path, "label", true);
        }
    }

    fn link_field(&mut self, fields: &[(String, Json)], path: &str, name: &str, required: bool) {
        if let Some(value) = self.present(fields, path, name, required, "an object") {
            self.link(&join(path, name), value);
        }
    }

    /// Checks each item of the list under `name` with `item`.
    fn each(
        &mut self,
        fields: &[(String, Json)],
        path: &str,
        name: &str,
        required: bool,
        item: impl Fn(&mut Check, &str, &Json),
    ) {
        let list = self.present(fields, path, name, required, "a list");
        let path = join(path, name);
        match list {
            None => {}
            Some(Json::List(items)) => {
                for (index, value) in items.iter().enumerate() {
                    item(self, &format!("{path}[{index}]"), value);
                }
            }
            Some(other) => self.wrong(&path, "a list", other),
        }
    }

    fn text(&mut self, path: &str, value: &Json) {
        if !matches!(value, Json::Text(_)) {
            self.wrong(path, "a string", value);
        }
    }

    fn question(&mut self, path: &str, value: &Json) {
        let Some(question) = self.object(path, value) else {
            return;
        };
        for name in ["id", "chapter", "prompt"] {
            self.text_field(question, path, name, true);
        }
        for name in ["code", "explanation", "reread"] {
            self.text_field(question, path, name, false);
        }
        self.each(question, path, "topics", true, Check::text);
        match self.present(question, path, "difficulty", true, "1, 2 or 3") {
            None | Some(Json::Integer(1..=3)) => {}
            Some(other) => self.wrong(&join(path, "difficulty"), "1, 2 or 3", other),
        }
        let kinds: Vec<&str> = QuestionKind::ALL.iter().map(|kind| kind.name()).collect();
        let expected = format!("one of {}", kinds.join(", "));
        match self.present(question, path, "kind", true, &expected) {
            Some(Json::Text(kind)) if kinds.contains(&kind.as_str()) => {}
            None => {}
            Some(other) => self.wrong(&join(path, "kind"), &expected, other),
        }
        self.each(question, path, "read", false, Check::link);
        self.each(question, path, "accept", false, Check::text);
        self.each(question, path, "options", false, |check, path, option| {
            if let Some(option) = check.object(path, option) {
                check.text_field(option, path, "text", true);
                check.text_field(option, path, "why", true);
                check.bool_field(option, path, "correct");
                check.bool_field(option, path, "fixed");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(json: &str) -> Vec<String> {
        shape_problems(&serde_json::from_str(json).expect("JSON"))
    }

    const SOUND: &str = r#"{"format": 1,
        "book": {"id": "p", "title": "T", "authors": "A", "summary": "S"},
        "chapters": [{"id": "1", "title": "One"}],
        "questions": [{"id": "q", "chapter": "1", "topics": ["t"], "difficulty": 2,
            "kind": "single", "prompt": "P", "code": null,
            "read": [{"url": "https://a.example/", "label": "L"}],
            "options": [{"text": "a", "why": "w", "correct": true}, {"text": "b", "why": "w"}]}]}"#;

    #[test]
    fn a_pack_of_the_right_shape_has_no_problems() {
        assert_eq!(problems(SOUND), Vec::<String>::new());
    }

    #[test]
    fn a_format_of_another_type_or_version_is_named() {
        assert_eq!(
            problems(r#"{"format": "1"}"#),
            [
                "format: expected the number 1, found the string \"1\"",
                "book: missing (expected an object)",
                "chapters: missing (expected a list)",
                "questions: missing (expected a list)",
            ]
        );
        assert_eq!(
            problems(r#"{"format": 2}"#),
            ["the pack has format 2, this app reads format 1"]
        );
        assert_eq!(
            problems(r#"{"book": {}}"#),
            ["the pack has no format version"]
        );
        assert_eq!(
            problems("[]"),
            ["the pack: expected an object, found a list"]
        );
    }

    #[test]
    fn every_field_of_the_wrong_type_is_named_with_its_path_at_once() {
        let pack = SOUND
            .replace(r#""difficulty": 2"#, r#""difficulty": "2""#)
            .replace(
                r#""chapters": [{"id": "1", "title": "One"}]"#,
                r#""chapters": "1""#,
            )
            .replace(r#""kind": "single""#, r#""kind": "essay""#)
            .replace(r#""correct": true"#, r#""correct": "yes""#)
            .replace(r#""label": "L""#, r#""label": 3"#);
        assert_eq!(
            problems(&pack),
            [
                "chapters: expected a list, found the string \"1\"",
                "questions[0].difficulty: expected 1, 2 or 3, found the string \"2\"",
                "questions[0].kind: expected one of single, multiple, true-false, output, typed, order, found the string \"essay\"",
                "questions[0].read[0].label: expected a string, found the number 3",
                "questions[0].options[0].correct: expected true or false, found the string \"yes\"",
            ]
        );
        let options_as_object = SOUND.replace(
            r#""options": [{"text": "a", "why": "w", "correct": true}, {"text": "b", "why": "w"}]"#,
            r#""options": {"text": "a"}"#,
        );
        assert_eq!(
            problems(&options_as_object),
            ["questions[0].options: expected a list, found an object"]
        );
        let without_title = SOUND.replace(r#""title": "T", "#, "");
        assert_eq!(
            problems(&without_title),
            ["book.title: missing (expected a string)"]
        );
    }

    #[test]
    fn a_key_given_twice_is_refused_wherever_it_is() {
        assert_eq!(
            problems(&SOUND.replace(r#""format": 1,"#, r#""format": 1, "format": 1,"#)),
            ["the pack: the key \"format\" is given twice"]
        );
        assert_eq!(
            problems(&SOUND.replace(
                r#"{"text": "b", "why": "w"}"#,
                r#"{"text": "b", "why": "w", "why": "x"}"#
            )),
            ["questions[0].options[1]: the key \"why\" is given twice"]
        );
    }
}
