//! Keeps the application crate's production code free of import cycles.
//!
//! Reads every `.rs` file under `src`, collects the `crate::`, `super::` and
//! `self::` paths that production code writes (test-only items are skipped),
//! resolves each to the file that defines the item, following re-exports, and
//! asserts that neither the file graph nor the graph of top-level components
//! has a cycle. It reads the source text itself rather than a list of
//! modules, so it keeps working whatever the module layout becomes.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;

/// Module path below the crate root: `["quiz", "session"]` for `crate::quiz::session`.
type ModulePath = Vec<String>;
/// Node -> the nodes it depends on.
type Graph = BTreeMap<String, BTreeSet<String>>;
/// Source text by file path relative to `src`, with `/` separators.
type Sources = BTreeMap<String, String>;

/// Re-exports followed in a row before giving up, so a re-export loop cannot hang the test.
const MAX_REEXPORT_HOPS: usize = 8;

#[test]
fn production_modules_have_no_import_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Sources::new();
    load_sources(&src, &src, &mut sources);
    assert!(sources.contains_key("lib.rs"), "no lib.rs under {src:?}");

    let graphs = DependencyGraphs::from_sources(&sources);
    let list = |cycles: Vec<String>| {
        if cycles.is_empty() {
            "  none".into()
        } else {
            cycles.join("\n")
        }
    };
    let (files, components) = (find_cycles(&graphs.files), find_cycles(&graphs.components));
    assert!(
        files.is_empty() && components.is_empty(),
        "import cycles in crates/application/src\nbetween files:\n{}\nbetween components \
         (top-level folders and files):\n{}\n",
        list(files),
        list(components),
    );
}

fn load_sources(src: &Path, dir: &Path, sources: &mut Sources) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("readable folder entry").path();
        if path.is_dir() {
            load_sources(src, &path, sources);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let relative = path.strip_prefix(src).expect("a file under src");
            let text = std::fs::read_to_string(&path).expect("readable source file");
            sources.insert(relative.to_string_lossy().replace('\\', "/"), text);
        }
    }
}

/// `lib.rs` -> root, `a.rs` and `a/mod.rs` -> `a`, `a/b.rs` -> `a::b`.
fn module_path(file: &str) -> ModulePath {
    let stem = file.trim_end_matches(".rs");
    let mut segments: ModulePath = stem.split('/').map(String::from).collect();
    if file == "lib.rs" || segments.last().is_some_and(|last| last == "mod") {
        segments.pop();
    }
    segments
}

/// The top-level folder or file a file belongs to; none for `lib.rs`, which only wires them.
fn component(file: &str) -> Option<String> {
    let top = file.split('/').next()?.trim_end_matches(".rs");
    (file != "lib.rs").then(|| top.to_string())
}

fn child(module: &[String], name: &str) -> ModulePath {
    let mut path = module.to_vec();
    path.push(name.to_string());
    path
}

// Lexing: identifiers, `::` and single punctuation characters. Comments,
// string and char literals and lifetimes are dropped, so text that merely
// mentions `crate::x` is never read as a path.

fn tokenize(source: &str) -> Vec<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        match chars[i] {
            c if c.is_whitespace() => i += 1,
            '/' if next == Some('/') => i += count_while(&chars, i, |c| c != '\n'),
            '/' if next == Some('*') => i = skip_block_comment(&chars, i),
            '"' => i = skip_string(&chars, i + 1, None),
            '\'' => i = skip_char_or_lifetime(&chars, i),
            ':' if next == Some(':') => {
                tokens.push("::".to_string());
                i += 2;
            }
            c if is_ident_char(c) => {
                let length = count_while(&chars, i, is_ident_char);
                let word = chars[i..i + length].iter().collect();
                i = after_word(&chars, i + length, word, &mut tokens);
            }
            c => {
                tokens.push(c.to_string());
                i += 1;
            }
        }
    }
    tokens
}

/// Skips the literal a word may prefix (`b"…"`, `b'x'`, `r#"…"#`), drops the
/// `r#` of a raw identifier, or keeps the word as a token.
fn after_word(chars: &[char], i: usize, word: String, tokens: &mut Vec<String>) -> usize {
    let hashes = count_while(chars, i, |c| c == '#');
    match (word.as_str(), chars.get(i), chars.get(i + hashes)) {
        ("b" | "c", Some('"'), _) => skip_string(chars, i + 1, None),
        ("b", Some('\''), _) => skip_char_or_lifetime(chars, i),
        ("r" | "br" | "cr", _, Some('"')) => skip_string(chars, i + hashes + 1, Some(hashes)),
        ("r", _, Some(&c)) if hashes == 1 && is_ident_char(c) => i + 1,
        _ => {
            tokens.push(word);
            i
        }
    }
}

/// How many characters from `i` on satisfy `test`.
fn count_while(chars: &[char], i: usize, test: impl Fn(char) -> bool) -> usize {
    chars[i.min(chars.len())..]
        .iter()
        .take_while(|&&c| test(c))
        .count()
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_ident(token: &str) -> bool {
    token.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

fn skip_block_comment(chars: &[char], mut i: usize) -> usize {
    let mut depth = 0; // block comments nest
    while i < chars.len() {
        match (chars[i], chars.get(i + 1)) {
            ('/', Some('*')) => depth += 1,
            ('*', Some('/')) => depth -= 1,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
        if depth == 0 {
            break;
        }
    }
    i
}

/// The index past a string whose body starts at `i`. Raw strings
/// (`Some(hashes)`) have no escapes and end at a quote and that many `#`.
fn skip_string(chars: &[char], mut i: usize, raw_hashes: Option<usize>) -> usize {
    while i < chars.len() {
        match (chars[i], raw_hashes) {
            ('\\', None) => i += 2,
            ('"', None) => return i + 1,
            ('"', Some(n)) if count_while(chars, i + 1, |c| c == '#') >= n => return i + 1 + n,
            _ => i += 1,
        }
    }
    i
}

/// Skips `'x'`, `'\n'`, `'\u{7f}'` or a lifetime `'a`, from its quote at `i`.
fn skip_char_or_lifetime(chars: &[char], i: usize) -> usize {
    if chars.get(i + 1) == Some(&'\\') {
        let closing = chars[i + 3..].iter().position(|&c| c == '\'');
        closing.map_or(chars.len(), |offset| i + 3 + offset + 1)
    } else if chars.get(i + 2) == Some(&'\'') {
        i + 3
    } else {
        i + 1 + count_while(chars, i + 1, is_ident_char)
    }
}

// Scanning a file's tokens.

/// A path production code writes, with the file and the module it is
/// written in: the file's own, or an inline `mod x { … }` inside it.
struct Reference {
    file: String,
    module: ModulePath,
    /// Segments as written, e.g. `["super", "session", "Phase"]`.
    path: Vec<String>,
    /// For a `use`, the name it brings into scope (`*` for a glob).
    binds: Option<String>,
    /// `pub use` or `pub(…) use`: a re-export.
    public: bool,
}

/// The paths a file's production code writes, and the modules it makes
/// test-only (`#[cfg(test)] mod x;`, `#![cfg(test)]`), whose code is test code.
fn scan_file(file: &str, tokens: &[String]) -> (Vec<Reference>, Vec<ModulePath>) {
    let token = |k: usize| tokens.get(k).map_or("", String::as_str);
    let (mut references, mut test_only_modules) = (Vec::new(), Vec::new());
    let mut found = |module: &ModulePath, path, binds, public| {
        let (file, module) = (file.to_string(), module.clone());
        references.push(Reference {
            file,
            module,
            path,
            binds,
            public,
        });
    };
    // Each open module with the brace depth inside it, since `super::` in an
    // inline `mod x { … }` is the file's module. Inline modules are no files,
    // so resolving never descends into them.
    let mut scopes = vec![(module_path(file), 0)];
    let mut depth = 0;
    let mut i = 0;
    while i < tokens.len() {
        let module = &scopes.last().expect("the file's own scope").0;
        if let Some((inner, attribute_end)) = cfg_test_attribute(tokens, i) {
            if inner {
                test_only_modules.push(module.clone());
                i = attribute_end;
                continue;
            }
            // Skip the test-only item; `mod x;` makes a whole file test code.
            let end = item_end(tokens, attribute_end);
            if let [.., keyword, name, semicolon] = &tokens[attribute_end..end] {
                if keyword == "mod" && semicolon == ";" {
                    test_only_modules.push(child(module, name));
                }
            }
            i = end;
            continue;
        }
        let back = |steps: usize| i.checked_sub(steps).map_or("", token);
        match token(i) {
            "{" => depth += 1,
            "}" => {
                if scopes.len() > 1 && scopes.last().is_some_and(|(_, opened)| *opened == depth) {
                    scopes.pop();
                }
                depth -= 1;
            }
            "mod" if is_ident(token(i + 1)) && token(i + 2) == "{" => {
                scopes.push((child(module, token(i + 1)), depth + 1));
            }
            "use" => {
                let public = follows_pub(&tokens[..i]);
                let mut trees = Vec::new();
                let end = parse_use_tree(tokens, i + 1, &mut trees);
                for (path, name) in trees {
                    found(module, path, Some(name), public);
                }
                i = end;
                continue;
            }
            // A path in an expression or a type; in `pub(in crate::x)` it is a visibility.
            word if is_ident(word)
                && token(i + 1) == "::"
                && is_ident(token(i + 2))
                && back(1) != "::"
                && (back(1), back(2)) != ("in", "(") =>
            {
                let mut path = vec![word.to_string()];
                while token(i + 1) == "::" && is_ident(token(i + 2)) {
                    path.push(token(i + 2).to_string());
                    i += 2;
                }
                found(module, path, None, false);
            }
            _ => {}
        }
        i += 1;
    }
    (references, test_only_modules)
}

/// At `#[cfg(test)]` or `#![cfg(test)]`: whether it is inner, and the index past it.
fn cfg_test_attribute(tokens: &[String], i: usize) -> Option<(bool, usize)> {
    let inner = tokens.get(i + 1).is_some_and(|t| t == "!");
    let start = i + 1 + usize::from(inner);
    let is_cfg_test =
        tokens[i] == "#" && tokens.get(start..start + 6)? == ["[", "cfg", "(", "test", ")", "]"];
    is_cfg_test.then_some((inner, start + 6))
}

/// The index past the item starting at `i`: past its `;` or its closing brace.
fn item_end(tokens: &[String], mut i: usize) -> usize {
    while let Some(token) = tokens.get(i) {
        match token.as_str() {
            ";" => return i + 1,
            "{" => return closing_bracket(tokens, i) + 1,
            "(" | "[" => i = closing_bracket(tokens, i) + 1,
            "}" | ")" | "]" => return i, // the enclosing block ends first
            _ => i += 1,
        }
    }
    i
}

/// The index of the bracket that closes the one at `open`, counting every kind.
fn closing_bracket(tokens: &[String], open: usize) -> usize {
    let mut depth = 0;
    for (k, token) in tokens.iter().enumerate().skip(open) {
        match token.as_str() {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth -= 1,
            _ => continue,
        }
        if depth == 0 {
            return k;
        }
    }
    tokens.len()
}

/// Whether the tokens before a `use` end in `pub` or `pub(…)`.
fn follows_pub(before: &[String]) -> bool {
    match before.last().map(String::as_str) {
        Some("pub") => true,
        Some(")") => before
            .iter()
            .rposition(|t| t == "(")
            .is_some_and(|open| open > 0 && before[open - 1] == "pub"),
        _ => false,
    }
}

/// Expands the use tree from `i`, such as `a::{b::X, c::{self, Y as Z}, d::*}`,
/// into (path, name bound) pairs; returns the index past it.
fn parse_use_tree(tokens: &[String], mut i: usize, out: &mut Vec<(ModulePath, String)>) -> usize {
    // The path so far, and the length it had where each open group began.
    let (mut path, mut groups): (ModulePath, Vec<usize>) = (Vec::new(), Vec::new());
    let mut alias = None;
    while let Some(token) = tokens.get(i) {
        i += 1;
        match token.as_str() {
            "::" => {}
            "{" => groups.push(path.len()),
            "as" => {
                alias = tokens.get(i).cloned();
                i += 1;
            }
            "," | "}" | ";" => {
                if path.len() > groups.last().copied().unwrap_or(0) {
                    let mut leaf = path.clone();
                    if leaf.last().is_some_and(|last| last == "self") {
                        leaf.pop(); // `{self}` names the group's prefix
                    }
                    let name = alias.take().or_else(|| leaf.last().cloned());
                    out.push((leaf, name.unwrap_or_default()));
                }
                if token == "}" {
                    groups.pop();
                }
                path.truncate(groups.last().copied().unwrap_or(0));
                if token == ";" {
                    return i;
                }
            }
            word if is_ident(word) || word == "*" => path.push(word.to_string()),
            _ => return i - 1, // not a use tree, as in `impl Trait + use<'a>`
        }
    }
    i
}

// Resolving paths to the files that define what they name.

#[derive(Default)]
struct CrateModel {
    /// Every module backed by a file, with that file.
    modules: BTreeMap<ModulePath, String>,
    /// (module, name) -> the absolute path a `use` in that module binds the name to.
    /// Glob imports bind no single name: what they bring in resolves to the importing module.
    imports: BTreeMap<(ModulePath, String), ModulePath>,
}

impl CrateModel {
    /// The path from the crate root, or none when it names another crate or a type.
    fn absolute(&self, reference: &Reference) -> Option<ModulePath> {
        let (module, path) = (&reference.module, &reference.path);
        let first = path.first()?;
        let (mut absolute, mut rest) = match first.as_str() {
            "crate" => (Vec::new(), &path[1..]),
            "self" | "super" => (module.clone(), &path[..]),
            // Since Rust 2018 a path may also start at a child module.
            _ if self.modules.contains_key(&child(module, first)) => (module.clone(), &path[..]),
            _ => return None,
        };
        while let Some(segment) = rest.first() {
            match segment.as_str() {
                "self" => {}
                "super" => {
                    absolute.pop();
                }
                _ => break,
            }
            rest = &rest[1..];
        }
        absolute.extend(rest.iter().cloned());
        Some(absolute)
    }

    /// Descends from the root through submodules; a segment that is no
    /// submodule but a name the module imports (re-exports included) is
    /// followed to where it comes from; else the deepest module reached defines it.
    fn defining_file(&self, path: &[String], hops: usize) -> Option<&str> {
        let mut module = Vec::new();
        for (index, segment) in path.iter().enumerate() {
            let submodule = child(&module, segment);
            if self.modules.contains_key(&submodule) {
                module = submodule;
                continue;
            }
            let imported = self.imports.get(&(module.clone(), segment.clone()));
            if let Some(origin) = imported.filter(|_| hops < MAX_REEXPORT_HOPS) {
                let through = [&origin[..], &path[index + 1..]].concat();
                return self.defining_file(&through, hops + 1);
            }
            break;
        }
        self.modules.get(&module).map(String::as_str)
    }
}

/// Production dependencies: file -> file, and top-level component -> component.
#[derive(Default)]
struct DependencyGraphs {
    files: Graph,
    components: Graph,
}

impl DependencyGraphs {
    fn from_sources(sources: &Sources) -> Self {
        let mut model = CrateModel::default();
        let (mut references, mut test_only) = (Vec::new(), Vec::new());
        for (file, text) in sources {
            let (found, test_only_here) = scan_file(file, &tokenize(text));
            model.modules.insert(module_path(file), file.clone());
            references.extend(found);
            test_only.extend(test_only_here);
        }
        // Test-only code may import anything; paths into other crates are not ours.
        let production =
            |reference: &Reference| !test_only.iter().any(|t| reference.module.starts_with(t));
        let resolved: Vec<_> = references
            .iter()
            .filter(|reference| production(reference))
            .filter_map(|reference| Some((reference, model.absolute(reference)?)))
            .collect();
        for (reference, path) in &resolved {
            if let Some(name) = reference.binds.clone().filter(|name| name != "*") {
                model
                    .imports
                    .insert((reference.module.clone(), name), path.clone());
            }
        }
        let mut graphs = Self::default();
        for (reference, path) in &resolved {
            let file = &reference.file;
            let Some(target) = model.defining_file(path, 0) else {
                continue;
            };
            // A module re-exporting its own descendants is wiring, not a dependency.
            let reexports_descendant =
                reference.public && module_path(target).starts_with(&module_path(file));
            if target != file && !reexports_descendant {
                graphs.add(file, target);
            }
        }
        graphs
    }

    fn add(&mut self, from: &str, to: &str) {
        self.files
            .entry(from.to_string())
            .or_default()
            .insert(to.to_string());
        if let (Some(from), Some(to)) = (component(from), component(to)) {
            if from != to {
                self.components.entry(from).or_default().insert(to);
            }
        }
    }
}

// Finding cycles.

/// For each set of nodes that all reach each other (a strongly connected
/// component of two or more), the shortest cycle through its first node,
/// as the chain to break, then all its members.
fn find_cycles(graph: &Graph) -> Vec<String> {
    let searches: BTreeMap<&str, _> = graph
        .keys()
        .map(|node| (node.as_str(), search(graph, node)))
        .collect();
    let mut reported = BTreeSet::new();
    let mut cycles = Vec::new();
    for (&start, came_from) in &searches {
        if !came_from.contains_key(start) || reported.contains(start) {
            continue;
        }
        let reaches_back = |node: &&str| {
            searches
                .get(node)
                .is_some_and(|other| other.contains_key(start))
        };
        let members: Vec<&str> = came_from.keys().copied().filter(reaches_back).collect();
        reported.extend(members.iter().copied());
        let mut chain = vec![start];
        let mut at = came_from[start];
        while at != start {
            chain.push(at);
            at = came_from[at];
        }
        chain.push(start);
        chain.reverse();
        cycles.push(format!(
            "  {}\n    (all in this cycle: {})",
            chain.join(" -> "),
            members.join(", ")
        ));
    }
    cycles
}

/// Breadth-first search: each node reached from `start` in one step or more
/// (`start` too, if it is on a cycle) -> the node it was first reached from.
fn search<'g>(graph: &'g Graph, start: &'g str) -> BTreeMap<&'g str, &'g str> {
    let (mut came_from, mut queue) = (BTreeMap::new(), VecDeque::from([start]));
    while let Some(node) = queue.pop_front() {
        for next in graph.get(node).into_iter().flatten() {
            if !came_from.contains_key(next.as_str()) {
                came_from.insert(next.as_str(), node);
                queue.push_back(next);
            }
        }
    }
    came_from
}

// The reader and the resolver on small made-up crates.

mod resolver {
    use super::*;

    fn graphs_of(files: &[(&str, &str)]) -> DependencyGraphs {
        let sources = files
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect();
        DependencyGraphs::from_sources(&sources)
    }

    fn edges(graph: &Graph) -> Vec<String> {
        graph
            .iter()
            .flat_map(|(from, to)| to.iter().map(move |to| format!("{from} -> {to}")))
            .collect()
    }

    #[test]
    fn a_two_file_cycle_is_reported_as_a_chain() {
        let graphs = graphs_of(&[
            ("lib.rs", "mod embed; mod route;"),
            (
                "route.rs",
                "use crate::embed::EmbedRequest; pub enum Route { Embed(EmbedRequest) }",
            ),
            (
                "embed.rs",
                "pub struct EmbedRequest; fn back() -> crate::route::Route { todo!() }",
            ),
        ]);
        let files =
            "  embed.rs -> route.rs -> embed.rs\n    (all in this cycle: embed.rs, route.rs)";
        assert_eq!(find_cycles(&graphs.files), [files]);
        let components = "  embed -> route -> embed\n    (all in this cycle: embed, route)";
        assert_eq!(find_cycles(&graphs.components), [components]);
    }

    #[test]
    fn imports_made_only_by_tests_are_ignored() {
        let a = r#"
            use crate::b::B;
            pub struct A;
            #[cfg(test)]
            mod tests {
                use super::*;
                use crate::testing::sample;
            }"#;
        let b = r#"
            pub struct B;
            #[cfg(test)]
            #[allow(dead_code)]
            fn sample() -> crate::a::A { crate::a::A }
            #[cfg(test)]
            use crate::a::A;"#;
        let graphs = graphs_of(&[
            ("lib.rs", "mod a; mod b; #[cfg(test)] mod testing;"),
            ("a.rs", a),
            ("b.rs", b),
            ("testing/mod.rs", "mod fixtures;"),
            ("testing/fixtures.rs", "use crate::a::A;"),
            ("c.rs", "#![cfg(test)] use crate::a::A;"),
        ]);
        assert_eq!(edges(&graphs.files), ["a.rs -> b.rs"]);
    }

    #[test]
    fn nested_use_groups_reach_each_file() {
        let graphs = graphs_of(&[
            ("lib.rs", "mod a; mod d;"),
            ("a/mod.rs", "pub mod b; pub mod c;"),
            ("a/b.rs", "pub struct X;"),
            ("a/c.rs", "pub struct Y;"),
            ("d.rs", "use crate::a::{b::X, c::{self, Y}};"),
        ]);
        assert_eq!(edges(&graphs.files), ["d.rs -> a/b.rs", "d.rs -> a/c.rs"]);
        assert_eq!(edges(&graphs.components), ["d -> a"]);
    }

    #[test]
    fn reexported_names_resolve_to_the_defining_file() {
        let a = "mod b; mod d; pub use b::X; pub(crate) use self::d::{Y, Z as Zed};";
        let graphs = graphs_of(&[
            ("lib.rs", "mod a; mod c; pub use a::X;"),
            ("a/mod.rs", a),
            ("a/b.rs", "pub struct X;"),
            ("a/d.rs", "use super::X; pub struct Y; pub struct Z;"),
            (
                "c.rs",
                "use crate::a::X; fn f() -> crate::X { let _ = crate::a::Zed; X }",
            ),
        ]);
        let expected = ["a/d.rs -> a/b.rs", "c.rs -> a/b.rs", "c.rs -> a/d.rs"];
        assert_eq!(edges(&graphs.files), expected);
    }

    #[test]
    fn a_folder_beside_its_file_and_inline_modules_resolve() {
        let graphs = graphs_of(&[
            ("lib.rs", "mod a; mod c;"),
            ("a.rs", "mod b; mod inner { use super::b::made; }"),
            (
                "a/b.rs",
                "use super::super::c::helper; pub fn made() { helper() }",
            ),
            ("c.rs", "pub fn helper() { crate::a::b::made() }"),
        ]);
        let expected = ["a.rs -> a/b.rs", "a/b.rs -> c.rs", "c.rs -> a/b.rs"];
        assert_eq!(edges(&graphs.files), expected);
        assert_eq!(edges(&graphs.components), ["a -> c", "c -> a"]);
    }

    #[test]
    fn comments_and_literals_are_not_paths() {
        let a = r###"
            //! Unlike crate::c, this module …
            /// See crate::c::C. // use crate::c::C;
            /* crate::c::C /* nested crate::c::C */ crate::c::C */
            const QUOTE: char = '"';
            const TEXT: &str = "use crate::c::C; \" crate::c::C";
            const RAW: &str = r##"crate::c::C "# crate::c::C"##;
            const BYTES: &[u8] = b"crate::c::C";
            fn first<'a>(x: &'a str) -> &'a str { x }
            fn last() -> crate::b::B { todo!() }"###;
        let lib = "mod a; mod b; mod c;";
        let graphs = graphs_of(&[("lib.rs", lib), ("a.rs", a), ("b.rs", ""), ("c.rs", "")]);
        // Only the real path, after all the others, makes an edge.
        assert_eq!(edges(&graphs.files), ["a.rs -> b.rs"]);
    }
}
