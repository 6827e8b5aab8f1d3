//! Lists of `(key, value)` pairs kept sorted by key: what a map does for
//! progress, with a fraction of `BTreeMap`'s code in the Wasm. They are
//! stored as JSON arrays of pairs.

pub type KeyedList<V> = Vec<(String, V)>;

pub fn get<'a, V>(list: &'a [(String, V)], key: &str) -> Option<&'a V> {
    list.binary_search_by(|(k, _)| k.as_str().cmp(key))
        .ok()
        .map(|index| &list[index].1)
}

/// The value under `key`, added with `make` when missing.
pub fn entry<'a, V>(list: &'a mut KeyedList<V>, key: &str, make: impl FnOnce() -> V) -> &'a mut V {
    let index = match list.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
        Ok(index) => index,
        Err(index) => {
            list.insert(index, (key.to_owned(), make()));
            index
        }
    };
    &mut list[index].1
}
