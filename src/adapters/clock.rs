use quiz_application::Clock;

pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}

/// A fresh quiz seed. Math.random is enough: the seed only varies which
/// questions are drawn and is shown in the URL anyway.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

/// A date and time in the person's own locale and time zone.
pub fn local_date_time(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// The last millisecond of today in the person's time zone: what "due
/// today" means.
pub fn end_of_local_day_ms() -> u64 {
    let date = js_sys::Date::new_0();
    date.set_hours(23);
    date.set_minutes(59);
    date.set_seconds(59);
    date.set_milliseconds(999);
    date.get_time() as u64
}

/// Today's date as `YYYY-MM-DD` in the local time zone, for file names.
pub fn local_date_stamp() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_clock_reads_the_current_time() {
        // 2024-01-01 in ms since the epoch: any real clock is past it.
        assert!(BrowserClock.now_ms() > 1_704_067_200_000);
    }

    #[wasm_bindgen_test]
    fn seeds_vary() {
        let seeds: std::collections::HashSet<u64> = (0..10).map(|_| random_seed()).collect();
        assert!(seeds.len() > 1);
    }
}
