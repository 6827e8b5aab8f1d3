//! Runs output and typed questions' snippets with CPython and compares what
//! they print with the answers the bank records.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quiz_domain::normalize_output;

use crate::compile::{Claim, Snippet};

const TIME_LIMIT: Duration = Duration::from_secs(10);

/// Separates the snippet's own output from the wrapper's report of an
/// escaping exception; a control character no snippet prints.
const RAISES_MARKER: &str = "\u{1e}raises ";

/// Runs the snippet file as `__main__` (so classes pickle and dataclasses
/// resolve their module) and reports an escaping exception, SystemExit
/// included, on stdout after everything the snippet printed.
const WRAPPER: &str = r#"
import runpy, sys
path = sys.argv[1]
sys.argv = [path]
try:
    runpy.run_path(path, run_name="__main__")
except BaseException as error:
    sys.stdout.flush()
    sys.stdout.write("\n\x1eraises " + type(error).__name__ + "\n")
"#;

pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// What a snippet printed: stdout without trailing white space, then
/// `raises Name` when an exception escaped.
pub fn observe(code: &str, hash_seed: u32) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!(
        "bank-snippet-{}-{}",
        std::process::id(),
        std::thread::current()
            .name()
            .unwrap_or("main")
            .replace(|c: char| !c.is_alphanumeric(), "")
    ));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("snippet.py");
    std::fs::File::create(&path)
        .and_then(|mut file| file.write_all(code.as_bytes()))
        .map_err(|e| e.to_string())?;
    let mut child = Command::new(python())
        .args(["-B", "-s", "-c", WRAPPER])
        .arg(&path)
        .current_dir(&dir)
        .env("PYTHONHASHSEED", hash_seed.to_string())
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", python()))?;
    let started = Instant::now();
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            return Err(format!("still running after {} s", TIME_LIMIT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!("python failed: {}", stderr.trim()));
    }
    Ok(match stdout.split_once(RAISES_MARKER) {
        Some((printed, exception)) => {
            let printed = printed.trim_end();
            let raised = format!("raises {}", exception.trim());
            if printed.is_empty() {
                raised
            } else {
                format!("{printed}\n{raised}")
            }
        }
        None => stdout.trim_end().to_owned(),
    })
}

/// Runs the snippet under two hash seeds and checks the recorded answer.
pub fn check(snippet: &Snippet) -> Result<(), String> {
    let observed = observe(&snippet.code, 1)?;
    let again = observe(&snippet.code, 2)?;
    if observed != again {
        return Err(format!(
            "the output depends on PYTHONHASHSEED: {observed:?} then {again:?}"
        ));
    }
    match &snippet.claim {
        Claim::Options { expected, wrong } => {
            if observed != expected.trim_end() {
                return Err(format!(
                    "CPython prints {observed:?} but the correct option says {expected:?}"
                ));
            }
            if let Some(wrong) = wrong.iter().find(|w| w.trim_end() == observed) {
                return Err(format!("the wrong option {wrong:?} is what CPython prints"));
            }
        }
        Claim::Accepted(accepted) => {
            let printed = normalize_output(&observed);
            if !accepted.iter().any(|a| normalize_output(a) == printed) {
                return Err(format!(
                    "CPython prints {printed:?}, which is not among the accepted outputs {accepted:?}"
                ));
            }
        }
    }
    Ok(())
}

/// Checks every snippet on all cores; returns (question id, problem) pairs.
pub fn check_all(snippets: &[Snippet]) -> Vec<(String, String)> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = snippets.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = snippets
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                std::thread::Builder::new()
                    .name(format!("snippets{n}"))
                    .spawn_scoped(scope, move || {
                        part.iter()
                            .filter_map(|s| check(s).err().map(|e| (s.question.clone(), e)))
                            .collect::<Vec<_>>()
                    })
                    .expect("a snippet worker starts")
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a snippet worker finishes"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(code: &str, expected: &str, wrong: &[&str]) -> Snippet {
        Snippet {
            question: "q".into(),
            code: code.into(),
            claim: Claim::Options {
                expected: expected.into(),
                wrong: wrong.iter().map(|w| w.to_string()).collect(),
            },
        }
    }

    fn typed(code: &str, accepted: &[&str]) -> Snippet {
        Snippet {
            question: "q".into(),
            code: code.into(),
            claim: Claim::Accepted(accepted.iter().map(|a| a.to_string()).collect()),
        }
    }

    #[test]
    fn a_typed_snippet_passes_when_its_normalised_output_is_accepted() {
        let code = "print('a  ')\nprint()\nprint(' b')\nprint()";
        assert!(check(&typed(code, &["x", "a\r\n\r\n b  \r\n"])).is_ok());
        let error = check(&typed(code, &["a\n b"])).unwrap_err();
        assert!(
            error.contains("CPython prints \"a\\n\\n b\", which is not among"),
            "{error}"
        );
    }

    #[test]
    fn output_and_escaping_exceptions_are_observed() {
        assert_eq!(observe("print('a')\nprint(' b  ')\n", 0).unwrap(), "a\n b");
        assert_eq!(
            observe("print(1)\n{}['k']\n", 0).unwrap(),
            "1\nraises KeyError"
        );
        assert_eq!(
            observe("import sys\nsys.exit(2)\n", 0).unwrap(),
            "raises SystemExit"
        );
    }

    #[test]
    fn classes_defined_in_a_snippet_pickle() {
        let code = "import pickle\nclass P:\n    pass\nprint(type(pickle.loads(pickle.dumps(P()))).__name__)";
        assert_eq!(observe(code, 0).unwrap(), "P");
    }

    #[test]
    fn a_wrong_recorded_answer_is_caught() {
        assert!(check(&snippet("print(1 + 1)", "2", &["11"])).is_ok());
        let error = check(&snippet("print(1 + 1)", "11", &["2"])).unwrap_err();
        assert!(error.contains("CPython prints \"2\""), "{error}");
    }

    #[test]
    fn hash_order_dependence_is_caught() {
        let code = "print(list({'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'}))";
        let mut differs = false;
        for seed_pair in [(1, 2), (3, 4), (5, 6)] {
            differs |= observe(code, seed_pair.0).unwrap() != observe(code, seed_pair.1).unwrap();
        }
        assert!(differs, "set order of str should vary with the hash seed");
    }
}
