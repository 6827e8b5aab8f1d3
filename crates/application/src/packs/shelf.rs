//! The packs loaded in this browser, kept in storage as they were loaded
//! (so a reload and a link into a pack still work) and read again through
//! `read_pack` at every start, so a stored pack passes the same checks as
//! a new one.

use std::sync::Arc;

use quiz_domain::Bank;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::packs::read_pack;
use crate::packs::ExportedPack;
use crate::ports::KeyValueStore;
use crate::set_aside::{unreadable_copies, UnreadableCopy};
use crate::storage::{PACKS_KEY, UNREADABLE_SUFFIX};

/// Packs kept in storage, so that they leave room for progress (browsers
/// give a site about 5 MB).
pub const MAX_STORED_PACKS: usize = 10;
pub const MAX_STORED_PACK_BYTES: usize = 2 * 1024 * 1024;
/// The version of the stored list of packs.
const SHELF_FORMAT: u32 = 1;

/// A pack in this browser: its questions and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadedPack {
    /// The URL it was fetched from, or the name of the file picked.
    pub source: String,
    /// Shared with the quiz pages, which take a book's bank as an `Arc`.
    pub bank: Arc<Bank>,
}

/// The stored list: each pack's JSON as it was loaded.
#[derive(Serialize, Deserialize)]
struct StoredShelf {
    format: u32,
    packs: Vec<ExportedPack>,
}

pub struct PackShelf<S: KeyValueStore> {
    store: S,
    /// Each pack with the JSON it was read from.
    packs: Vec<(LoadedPack, Box<RawValue>)>,
    /// Why the stored list must not be written over: it comes from a newer
    /// version, or it could not be read and could not be copied aside.
    locked: Option<&'static str>,
    /// The stored list as last read or written here, so that only another
    /// tab's change is taken in (and an unreadable one copied aside once).
    seen: Option<String>,
    /// The app's own book ids, which no pack may take: a stored pack with
    /// one of them (from before the app gained that book) is kept but not
    /// shown, and a new one is refused.
    books: Vec<String>,
}

/// What a link's pack did: added, or left waiting for the person because
/// it would replace this pack, loaded from elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkedPack {
    Added(PackAdded),
    WouldReplace(LoadedPack),
}

/// A pack taken in, and what the person should know about keeping it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackAdded {
    pub id: String,
    /// Set when the pack is loaded for this visit only.
    pub notice: Option<String>,
}

impl<S: KeyValueStore> PackShelf<S> {
    /// Reads the stored packs; the notice says what could not be read.
    /// Stored packs this version cannot take in full are copied aside
    /// before anything is written, so none is lost.
    pub fn open(store: S, now_ms: u64) -> (PackShelf<S>, Option<String>) {
        let mut shelf = PackShelf {
            store,
            packs: Vec::new(),
            locked: None,
            seen: None,
            books: Vec::new(),
        };
        let notice = shelf.refresh(now_ms);
        (shelf, notice)
    }

    /// Takes in the stored list when another tab changed it: the stored
    /// list wins, as the other tab's adding or removing was the later act.
    pub fn refresh(&mut self, now_ms: u64) -> Option<String> {
        // A refused storage is reported once, by the progress record.
        let Ok(Some(raw)) = self.store.read(PACKS_KEY) else {
            return None;
        };
        if self.seen.as_deref() == Some(raw.as_str()) {
            return None;
        }
        self.seen = Some(raw.clone());
        let stored = match serde_json::from_str::<StoredShelf>(&raw) {
            Ok(stored) if stored.format > SHELF_FORMAT => {
                self.locked = Some("they were stored by a newer version of the app");
                return Some("The quiz packs in this browser were stored by a newer version of the app and are left as they are; reload to get that version.".into());
            }
            Ok(stored) if stored.format == SHELF_FORMAT => stored,
            _ => {
                let kept = self.set_aside(&raw, now_ms);
                return Some(format!("The quiz packs stored in this browser could not be read; {kept}. Load the packs again from their links or files."));
            }
        };
        self.packs.clear();
        let mut left_out = Vec::new();
        for ExportedPack { source, pack } in stored.packs {
            match read_pack(pack.get(), &[]) {
                Ok(bank) => self.packs.push((
                    LoadedPack {
                        source,
                        bank: Arc::new(bank),
                    },
                    pack,
                )),
                Err(problems) => left_out.push(format!(
                    "\"{source}\" ({})",
                    problems.first().map_or("", String::as_str)
                )),
            }
        }
        if left_out.is_empty() {
            return None;
        }
        let kept = self.set_aside(&raw, now_ms);
        Some(format!(
            "These stored quiz packs no longer pass the checks and were left out: {}; {kept}.",
            left_out.join("; ")
        ))
    }

    /// Copies the stored list under a key of its own, which the progress
    /// export carries; says where, or locks the list when it cannot.
    fn set_aside(&mut self, raw: &str, now_ms: u64) -> String {
        let backup_key = format!("{PACKS_KEY}{UNREADABLE_SUFFIX}.{now_ms}");
        match self.store.write(&backup_key, raw) {
            Ok(()) => format!("a copy is kept in this browser under \"{backup_key}\" and goes into the progress export"),
            Err(_) => {
                self.locked = Some("the packs stored before could not be copied aside");
                "they are left in storage untouched, since no copy could be made".into()
            }
        }
    }

    /// The packs to show: all but those with the id of a book of the app.
    pub fn packs(&self) -> impl Iterator<Item = &LoadedPack> {
        self.packs
            .iter()
            .map(|(pack, _)| pack)
            .filter(|pack| !self.books.contains(&pack.bank.book.id))
    }

    /// Learns the app's own book ids (they arrive after the start); the
    /// notice names the stored packs that give way to a book.
    pub fn beside_books(&mut self, books: Vec<String>) -> Option<String> {
        self.books = books;
        let hidden: Vec<&str> = self
            .packs
            .iter()
            .map(|(pack, _)| &pack.bank.book)
            .filter(|book| self.books.contains(&book.id))
            .map(|book| book.title.as_str())
            .collect();
        (!hidden.is_empty()).then(|| {
            format!(
                "These quiz packs have the id of a book of this app and are not shown: {}. Ask their authors for a pack with an id of its own.",
                hidden.join(", ")
            )
        })
    }

    /// Reads a pack and keeps it, in place of a pack with the same id. A
    /// pack that cannot be stored (the limits, a full or refused storage)
    /// is kept for this visit.
    pub fn add(&mut self, json: &str, source: &str, now_ms: u64) -> Result<PackAdded, Vec<String>> {
        let bank = read_pack(json, &self.books)?;
        let stored_notice = self.refresh(now_ms);
        self.keep(bank, json, source, stored_notice)
    }

    /// Reads a pack a link asks for and keeps it, unless it would take the
    /// place of a pack of the same id loaded from elsewhere: anyone can
    /// write a link, so that takes the person's say.
    pub fn add_from_link(
        &mut self,
        json: &str,
        source: &str,
        now_ms: u64,
    ) -> Result<LinkedPack, Vec<String>> {
        let bank = read_pack(json, &self.books)?;
        let stored_notice = self.refresh(now_ms);
        let elsewhere = self
            .packs()
            .find(|pack| pack.bank.book.id == bank.book.id && pack.source != source);
        if let Some(kept) = elsewhere {
            return Ok(LinkedPack::WouldReplace(kept.clone()));
        }
        self.keep(bank, json, source, stored_notice)
            .map(LinkedPack::Added)
    }

    /// Keeps a pack read from `json`, in place of one with the same id.
    fn keep(
        &mut self,
        bank: Bank,
        json: &str,
        source: &str,
        stored_notice: Option<String>,
    ) -> Result<PackAdded, Vec<String>> {
        let raw = RawValue::from_string(json.to_owned())
            .map_err(|e| vec![format!("the pack is not valid JSON ({e})")])?;
        let id = bank.book.id.clone();
        let pack = (
            LoadedPack {
                source: source.to_owned(),
                bank: Arc::new(bank),
            },
            raw,
        );
        match self.packs.iter().position(|(p, _)| p.bank.book.id == id) {
            Some(at) => self.packs[at] = pack,
            None => self.packs.push(pack),
        }
        let not_saved = self
            .save()
            .err()
            .map(|why| format!("The pack is loaded for this visit only: {why}."));
        let notice = match (stored_notice, not_saved) {
            (Some(stored), Some(not_saved)) => Some(format!("{stored} {not_saved}")),
            (stored, not_saved) => stored.or(not_saved),
        };
        Ok(PackAdded { id, notice })
    }

    /// The title of a pack on the shelf, or its id.
    pub fn title(&self, id: &str) -> String {
        self.packs()
            .find(|pack| pack.bank.book.id == id)
            .map_or_else(|| id.to_owned(), |pack| pack.bank.book.title.clone())
    }

    /// The packs as loaded, for the progress export.
    pub fn exported(&self) -> Vec<ExportedPack> {
        self.packs
            .iter()
            .map(|(pack, raw)| ExportedPack {
                source: pack.source.clone(),
                pack: raw.clone(),
            })
            .collect()
    }

    /// The stored lists copied aside, and the stored list itself when it
    /// could not be copied, for the progress export.
    pub fn unreadable_copies(&self) -> Vec<UnreadableCopy> {
        let locked = self.locked.is_some();
        unreadable_copies(&self.store, PACKS_KEY, |_| false)
            .into_iter()
            .filter(|copy| copy.key != PACKS_KEY || locked)
            .collect()
    }

    /// Forgets a pack; the message says if the change could not be stored.
    pub fn remove(&mut self, id: &str, now_ms: u64) -> Option<String> {
        let stored_notice = self.refresh(now_ms);
        self.packs.retain(|(pack, _)| pack.bank.book.id != id);
        let not_saved = self
            .save()
            .err()
            .map(|why| format!("The pack is removed for this visit only: {why}."));
        stored_notice.or(not_saved)
    }

    fn save(&mut self) -> Result<(), String> {
        if let Some(why) = self.locked {
            return Err(format!("packs are not saved in this browser: {why}"));
        }
        let bytes: usize = self.packs.iter().map(|(_, raw)| raw.get().len()).sum();
        if self.packs.len() > MAX_STORED_PACKS {
            return Err(format!(
                "this browser keeps {MAX_STORED_PACKS} packs at most; remove one on the packs page to keep this one"
            ));
        }
        if bytes > MAX_STORED_PACK_BYTES {
            return Err(format!(
                "the packs kept in this browser may take {} MB at most; remove one on the packs page to keep this one",
                MAX_STORED_PACK_BYTES / 1024 / 1024
            ));
        }
        let stored = StoredShelf {
            format: SHELF_FORMAT,
            packs: self
                .packs
                .iter()
                .map(|(pack, raw)| ExportedPack {
                    source: pack.source.clone(),
                    pack: raw.clone(),
                })
                .collect(),
        };
        let json = serde_json::to_string(&stored).expect("packs always serialise");
        self.store
            .write(PACKS_KEY, &json)
            .map_err(|error| format!("it could not be saved ({error})"))?;
        self.seen = Some(json);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::StoreError;
    use crate::testing::sample_pack;
    use crate::testing::MemoryStore;

    fn pack_json(id: &str) -> String {
        let mut pack = sample_pack();
        pack.book.id = id.into();
        serde_json::to_string_pretty(&pack).unwrap()
    }

    fn ids<S: KeyValueStore>(shelf: &PackShelf<S>) -> Vec<String> {
        shelf.packs().map(|p| p.bank.book.id.clone()).collect()
    }

    #[test]
    fn packs_are_stored_as_loaded_and_read_back() {
        let store = MemoryStore::default();
        let (mut shelf, notice) = PackShelf::open(&store, 1);
        assert_eq!(notice, None);
        let added = shelf.add(&pack_json("week-1"), "https://a.example/w1.json", 1);
        assert_eq!(
            added,
            Ok(PackAdded {
                id: "week-1".into(),
                notice: None
            })
        );
        assert!(store
            .value(PACKS_KEY)
            .unwrap()
            .contains(&pack_json("week-1")));
        shelf.add(&pack_json("week-2"), "w2.json", 1).unwrap();
        let (reopened, notice) = PackShelf::open(&store, 1);
        assert_eq!(notice, None);
        assert_eq!(ids(&reopened), ["week-1", "week-2"]);
        let first = reopened.packs().next().unwrap();
        assert_eq!(first.source, "https://a.example/w1.json");
        assert_eq!(first.bank.book.id, "week-1");
    }

    #[test]
    fn a_pack_loaded_again_replaces_the_old_one_and_can_be_removed() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        shelf.add(&pack_json("week-1"), "old.json", 1).unwrap();
        shelf.add(&pack_json("week-1"), "new.json", 1).unwrap();
        assert_eq!(
            shelf.packs().map(|p| p.source.as_str()).collect::<Vec<_>>(),
            ["new.json"]
        );
        assert_eq!(shelf.remove("week-1", 1), None);
        assert!(PackShelf::open(&store, 1).0.packs().next().is_none());
    }

    #[test]
    fn two_tabs_adding_and_removing_packs_keep_each_others_changes() {
        let store = MemoryStore::default();
        let (mut first, _) = PackShelf::open(&store, 1);
        let (mut second, _) = PackShelf::open(&store, 1);
        first.add(&pack_json("week-1"), "w1.json", 2).unwrap();
        second.add(&pack_json("week-2"), "w2.json", 3).unwrap();
        assert_eq!(ids(&second), ["week-1", "week-2"]);
        assert_eq!(first.refresh(4), None);
        assert_eq!(ids(&first), ["week-1", "week-2"], "the storage event");
        assert_eq!(first.remove("week-2", 5), None);
        second.add(&pack_json("week-3"), "w3.json", 6).unwrap();
        assert_eq!(ids(&PackShelf::open(&store, 7).0), ["week-1", "week-3"]);
    }

    #[test]
    fn damaged_packs_written_by_another_tab_are_copied_aside_once() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        shelf.add(&pack_json("week-1"), "w1.json", 2).unwrap();
        store.write(PACKS_KEY, "{damaged").unwrap();
        assert!(shelf.refresh(3).unwrap().contains("could not be read"));
        assert_eq!(shelf.refresh(4), None, "reported once");
        assert_eq!(ids(&shelf), ["week-1"], "what this tab holds stays");
        let copies: Vec<String> = store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|key| key.starts_with("python-architect-quiz.packs.unreadable"))
            .collect();
        assert_eq!(copies, [format!("{PACKS_KEY}.unreadable.3")]);
    }

    #[test]
    fn a_link_asks_before_replacing_a_pack_loaded_from_elsewhere() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        let first = shelf
            .add_from_link(&pack_json("week-1"), "https://a.example/w1.json", 2)
            .unwrap();
        assert!(matches!(first, LinkedPack::Added(PackAdded { ref id, .. }) if id == "week-1"));
        let again = shelf
            .add_from_link(&pack_json("week-1"), "https://a.example/w1.json", 3)
            .unwrap();
        assert!(
            matches!(again, LinkedPack::Added(_)),
            "same source: updated"
        );
        let other = shelf
            .add_from_link(&pack_json("week-1"), "https://b.example/w1.json", 4)
            .unwrap();
        let LinkedPack::WouldReplace(kept) = other else {
            panic!("{other:?}")
        };
        assert_eq!(kept.source, "https://a.example/w1.json");
        let stored = PackShelf::open(&store, 5).0;
        assert_eq!(
            stored.packs().next().unwrap().source,
            "https://a.example/w1.json"
        );
        shelf
            .add(&pack_json("week-1"), "https://b.example/w1.json", 6)
            .unwrap();
        let stored = PackShelf::open(&store, 7).0;
        assert_eq!(
            stored.packs().next().unwrap().source,
            "https://b.example/w1.json"
        );
    }

    #[test]
    fn a_stored_pack_with_the_id_of_a_book_added_later_is_kept_but_not_shown() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        shelf.add(&pack_json("week-1"), "w1.json", 2).unwrap();
        shelf.add(&pack_json("new-book"), "nb.json", 3).unwrap();
        let notice = shelf.beside_books(vec!["new-book".into()]).unwrap();
        assert!(notice.contains("are not shown: A course pack."), "{notice}");
        assert_eq!(ids(&shelf), ["week-1"]);
        shelf.add(&pack_json("week-2"), "w2.json", 4).unwrap();
        assert_eq!(ids(&shelf), ["week-1", "week-2"], "still not shown");
        let stored = store.value(PACKS_KEY).unwrap();
        assert!(stored.contains("\"new-book\""), "but kept: {stored}");
    }

    #[test]
    fn a_refused_pack_changes_nothing() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        assert_eq!(shelf.beside_books(vec!["fluent-python".into()]), None);
        let problems = shelf
            .add(&pack_json("fluent-python"), "x.json", 1)
            .unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(shelf.packs().next().is_none());
        assert_eq!(store.value(PACKS_KEY), None);
    }

    #[test]
    fn a_pack_that_cannot_be_stored_is_kept_for_the_visit() {
        let store = MemoryStore::default();
        store.fail_writes_with(StoreError::Full);
        let (mut shelf, _) = PackShelf::open(&store, 1);
        let added = shelf.add(&pack_json("week-1"), "w1.json", 1).unwrap();
        assert_eq!(
            added.notice.as_deref(),
            Some(
                "The pack is loaded for this visit only: it could not be saved (storage is full)."
            )
        );
        assert_eq!(ids(&shelf), ["week-1"]);
    }

    #[test]
    fn the_number_of_stored_packs_is_limited() {
        let store = MemoryStore::default();
        let (mut shelf, _) = PackShelf::open(&store, 1);
        for n in 0..MAX_STORED_PACKS {
            let added = shelf.add(&pack_json(&format!("p-{n}")), "f", 1).unwrap();
            assert_eq!(added.notice, None);
        }
        let added = shelf.add(&pack_json("one-more"), "f", 1).unwrap();
        assert_eq!(
            added.notice.as_deref(),
            Some("The pack is loaded for this visit only: this browser keeps 10 packs at most; remove one on the packs page to keep this one.")
        );
        assert_eq!(
            PackShelf::open(&store, 1).0.packs().count(),
            MAX_STORED_PACKS
        );
        assert_eq!(shelf.remove("p-0", 1), None, "room again: all are stored");
        assert_eq!(
            ids(&PackShelf::open(&store, 1).0).last().unwrap(),
            "one-more"
        );
    }

    #[test]
    fn unreadable_stored_packs_are_copied_aside_before_anything_is_written() {
        let store = MemoryStore::with(PACKS_KEY, "{broken");
        let (mut shelf, notice) = PackShelf::open(&store, 7);
        assert!(shelf.packs().next().is_none());
        let backup_key = format!("{PACKS_KEY}.unreadable.7");
        assert_eq!(
            notice,
            Some(format!("The quiz packs stored in this browser could not be read; a copy is kept in this browser under \"{backup_key}\" and goes into the progress export. Load the packs again from their links or files."))
        );
        assert_eq!(store.value(&backup_key).as_deref(), Some("{broken"));
        shelf.add(&pack_json("week-1"), "w1.json", 1).unwrap();
        assert_eq!(store.value(&backup_key).as_deref(), Some("{broken"));
        assert_eq!(ids(&PackShelf::open(&store, 8).0), ["week-1"]);
    }

    #[test]
    fn packs_that_no_longer_pass_the_checks_are_left_out_but_kept() {
        let mut bad = sample_pack();
        bad.questions[0].options[1].correct = true;
        let stored = format!(
            "{{\"format\":1,\"packs\":[{{\"source\":\"bad.json\",\"pack\":{}}},{{\"source\":\"good.json\",\"pack\":{}}}]}}",
            serde_json::to_string(&bad).unwrap(),
            pack_json("good")
        );
        let store = MemoryStore::with(PACKS_KEY, &stored);
        let (shelf, notice) = PackShelf::open(&store, 9);
        assert_eq!(ids(&shelf), ["good"]);
        assert_eq!(
            notice.as_deref(),
            Some("These stored quiz packs no longer pass the checks and were left out: \"bad.json\" (question \"cp-one\": field \"options\": single question needs exactly one correct option, found 2); a copy is kept in this browser under \"python-architect-quiz.packs.unreadable.9\" and goes into the progress export.")
        );
        assert_eq!(
            store.value(&format!("{PACKS_KEY}.unreadable.9")),
            Some(stored)
        );
    }

    #[test]
    fn stored_packs_that_cannot_be_copied_aside_are_never_written_over() {
        let store = MemoryStore::with(PACKS_KEY, "{broken");
        store.fail_writes_with(StoreError::Full);
        let (mut shelf, notice) = PackShelf::open(&store, 7);
        assert!(notice.unwrap().contains("left in storage untouched"));
        store.allow_writes();
        let added = shelf.add(&pack_json("week-1"), "w1.json", 1).unwrap();
        assert_eq!(added.notice.as_deref(), Some("The pack is loaded for this visit only: packs are not saved in this browser: the packs stored before could not be copied aside."));
        assert_eq!(store.value(PACKS_KEY).as_deref(), Some("{broken"));
    }

    #[test]
    fn packs_stored_by_a_newer_version_are_left_alone() {
        let store = MemoryStore::with(PACKS_KEY, r#"{"format":2,"packs":[]}"#);
        let (mut shelf, notice) = PackShelf::open(&store, 7);
        assert!(notice.unwrap().contains("newer version"));
        let added = shelf.add(&pack_json("week-1"), "w1.json", 1).unwrap();
        assert!(added.notice.unwrap().contains("stored by a newer version"));
        assert_eq!(
            store.value(PACKS_KEY).as_deref(),
            Some(r#"{"format":2,"packs":[]}"#)
        );
    }
}
