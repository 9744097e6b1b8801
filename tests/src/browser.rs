//! A real headless Chromium driven through chromedriver (WebDriver).

use std::{
    sync::{OnceLock, mpsc},
    time::Duration,
};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element, wd::Capabilities};
use server::meili::free_port;

/// Whether the page may run JavaScript (and so the WebAssembly bundle).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JavaScript {
    Enabled,
    Disabled,
}

static DRIVER: OnceLock<u16> = OnceLock::new();

/// chromedriver for the whole run, killed with the test process.
fn driver_port() -> u16 {
    *DRIVER.get_or_init(|| {
        let port = free_port().expect("free port");
        let (started, result) = mpsc::channel();
        std::thread::spawn(move || {
            let mut command = std::process::Command::new(
                std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned()),
            );
            command
                .arg(format!("--port={port}"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            server::meili::die_with_parent(&mut command);
            match command.spawn() {
                Ok(mut child) => {
                    started.send(Ok(())).ok();
                    child.wait().ok();
                    loop {
                        std::thread::park();
                    }
                }
                Err(error) => {
                    started.send(Err(error.to_string())).ok();
                }
            }
        });
        result
            .recv()
            .expect("driver thread")
            .expect("chromedriver starts (make test installs Debian's chromium-driver)");
        port
    })
}

/// One browser session with a fresh profile.
pub struct Browser {
    pub client: Client,
    pub javascript: JavaScript,
    /// The JavaScript-enabled session that checks this one's pages when it runs none
    /// (`axe`), opened at the first check.
    pub(crate) checker: tokio::sync::OnceCell<Box<Browser>>,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start(javascript: JavaScript) -> Self {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--window-size=1280,900".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        if javascript == JavaScript::Disabled {
            args.push("--blink-settings=scriptEnabled=false".to_owned());
        }
        let mut chrome = serde_json::json!({
            "args": args,
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()),
        });
        if javascript == JavaScript::Disabled {
            chrome["prefs"] =
                serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = Capabilities::new();
        capabilities.insert("goog:chromeOptions".to_owned(), chrome);
        // The console, read by [`Browser::console`] (Content-Security-Policy violations).
        capabilities
            .insert("goog:loggingPrefs".to_owned(), serde_json::json!({ "browser": "ALL" }));
        let url = format!("http://127.0.0.1:{}", driver_port());
        let mut last_error = None;
        for _ in 0..50 {
            let builder =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities.clone())
                    .connect(&url)
                    .await;
            match builder {
                Ok(client) => {
                    let checker = tokio::sync::OnceCell::new();
                    return Self { client, javascript, checker, _profile: profile };
                }
                Err(error) => last_error = Some(error.to_string()),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("cannot open a Chromium session: {last_error:?}");
    }

    /// Waits (up to 10 s) for an element.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css} not found: {e}"))
    }

    /// Waits until the WebAssembly bundle has hydrated the page.
    pub async fn wait_hydrated(&self) {
        self.find(r#".page[data-hydrated="true"]"#).await;
    }

    /// The console messages since the last call (Chromium's log, read through chromedriver).
    pub async fn console(&self) -> Vec<String> {
        let entries = self.client.issue_cmd(BrowserLog).await.expect("the browser's log");
        entries
            .as_array()
            .map(|all| {
                all.iter().filter_map(|e| e["message"].as_str().map(str::to_owned)).collect()
            })
            .unwrap_or_default()
    }

    /// Ends the session, once the page it ends on passed the accessibility guard.
    pub async fn close(self) {
        self.assert_accessible().await;
        if let Some(checker) = self.checker.into_inner() {
            checker.client.close().await.ok();
        }
        self.client.close().await.ok();
    }
}

/// chromedriver's `POST /session/{id}/se/log` for the browser's console.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}
