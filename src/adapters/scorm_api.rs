//! The SCORM run-time an LMS puts in one of the windows around its player,
//! found the way the SCORM run-time environment describes: up the chain of
//! parents, then the opener's. A window of another origin on the way ends
//! that chain (reading it throws), which is also what an LMS that offers no
//! API looks like.

use js_sys::{Array, Function, Reflect};
use quiz_application::lms::{ScormRuntime, ScormVersion};
use wasm_bindgen::{JsCast, JsValue};

/// How many windows up a chain the search goes, as the SCORM run-time
/// environment's own finder does.
const MOST_PARENTS: usize = 7;

pub struct ScormApi {
    api: JsValue,
    version: ScormVersion,
}

/// The LMS's API, SCORM 2004's first: an LMS that offers both speaks 2004.
pub fn find_scorm_api() -> Option<ScormApi> {
    let window: JsValue = web_sys::window()?.into();
    let opener = property(&window, "opener").filter(|opener| !opener.is_null());
    [
        ("API_1484_11", ScormVersion::Scorm2004),
        ("API", ScormVersion::Scorm12),
    ]
    .into_iter()
    .find_map(|(name, version)| {
        let api = up_from(&window, name)
            .or_else(|| opener.as_ref().and_then(|opener| up_from(opener, name)))?;
        Some(ScormApi { api, version })
    })
}

fn up_from(start: &JsValue, name: &str) -> Option<JsValue> {
    let mut window = start.clone();
    for _ in 0..=MOST_PARENTS {
        if let Some(api) = property(&window, name).filter(JsValue::is_object) {
            return Some(api);
        }
        let parent = property(&window, "parent")?;
        if parent == window || parent.is_null() {
            return None;
        }
        window = parent;
    }
    None
}

/// A property, or `None` when it is missing or reading it throws (another
/// origin's window).
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined())
}

impl ScormApi {
    /// The method's name in this version: SCORM 1.2 prefixes `LMS`.
    fn method(&self, name: &str) -> String {
        match self.version {
            ScormVersion::Scorm12 => format!("LMS{name}"),
            ScormVersion::Scorm2004 => name.to_owned(),
        }
    }

    fn call(&self, name: &str, args: &[&str]) -> JsValue {
        let Some(function) =
            property(&self.api, &self.method(name)).and_then(|f| f.dyn_into::<Function>().ok())
        else {
            return JsValue::from_str("false");
        };
        let args: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        function
            .apply(&self.api, &args)
            .unwrap_or_else(|_| JsValue::from_str("false"))
    }

    /// The API answers `"true"` (as the standard says) or, in some LMSs, `true`.
    fn succeeds(&self, name: &str, args: &[&str]) -> bool {
        let answer = self.call(name, args);
        answer
            .as_string()
            .map_or(answer.as_bool() == Some(true), |a| a == "true")
    }

    fn text(&self, name: &str, args: &[&str]) -> String {
        self.call(name, args).as_string().unwrap_or_default()
    }
}

impl ScormRuntime for ScormApi {
    fn version(&self) -> ScormVersion {
        self.version
    }

    fn initialize(&self) -> bool {
        self.succeeds("Initialize", &[""])
    }

    fn get_value(&self, element: &str) -> String {
        self.text("GetValue", &[element])
    }

    fn set_value(&self, element: &str, value: &str) -> bool {
        self.succeeds("SetValue", &[element, value])
    }

    fn commit(&self) -> bool {
        self.succeeds("Commit", &[""])
    }

    fn terminate(&self) -> bool {
        let name = match self.version {
            ScormVersion::Scorm12 => "Finish",
            ScormVersion::Scorm2004 => "Terminate",
        };
        self.succeeds(name, &[""])
    }

    fn last_error(&self) -> (String, String) {
        let code = self.text("GetLastError", &[]);
        let words = self.text("GetErrorString", &[&code]);
        (code, words)
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn run(script: &str) {
        Function::new_no_args(script).call0(&JsValue::NULL).unwrap();
    }

    #[wasm_bindgen_test]
    fn a_scorm_12_api_is_found_and_spoken_to_in_its_own_names() {
        run(
            "window.API_1484_11 = undefined; window.calls = []; window.API = {
            LMSInitialize: (a) => { calls.push(['LMSInitialize', a]); return 'true'; },
            LMSSetValue: (e, v) => { calls.push(['LMSSetValue', e, v]); return 'false'; },
            LMSGetValue: (e) => e === 'cmi.suspend_data' ? 'kept' : '',
            LMSCommit: () => true,
            LMSFinish: () => 'true',
            LMSGetLastError: () => '405',
            LMSGetErrorString: (code) => 'Incorrect Data Type ' + code,
        };",
        );
        let api = find_scorm_api().expect("window.API");
        assert_eq!(api.version(), ScormVersion::Scorm12);
        assert!(api.initialize());
        assert!(
            !api.set_value("cmi.core.score.raw", "80"),
            "the LMS's \"false\""
        );
        assert!(api.commit(), "a boolean true counts as success");
        assert!(api.terminate());
        assert_eq!(api.get_value("cmi.suspend_data"), "kept");
        assert_eq!(
            api.last_error(),
            ("405".to_owned(), "Incorrect Data Type 405".to_owned())
        );
        let calls = Reflect::get(&web_sys::window().unwrap(), &"calls".into()).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(&calls)
                .unwrap()
                .as_string()
                .unwrap(),
            r#"[["LMSInitialize",""],["LMSSetValue","cmi.core.score.raw","80"]]"#
        );
    }

    #[wasm_bindgen_test]
    fn scorm_2004_is_preferred_and_no_api_is_none() {
        run("window.API = { LMSInitialize: () => 'true' }; window.API_1484_11 = { Initialize: () => 'true' };");
        let api = find_scorm_api().expect("an API");
        assert_eq!(api.version(), ScormVersion::Scorm2004);
        assert!(api.initialize());
        run("window.API = undefined; window.API_1484_11 = undefined;");
        assert!(find_scorm_api().is_none());
    }
}
