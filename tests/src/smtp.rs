//! A minimal SMTP server on the loopback address, for the tests of delivery over SMTP: it
//! accepts every message and keeps what it received.

use std::sync::{Arc, Mutex};

use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

/// A running fake SMTP server.
pub struct FakeSmtp {
    /// `smtp://127.0.0.1:<port>` (no TLS).
    pub url: String,
    /// The `DATA` of each message received, as sent.
    pub received: Arc<Mutex<Vec<String>>>,
}

impl FakeSmtp {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("smtp://{}", listener.local_addr().expect("address"));
        let received = Arc::new(Mutex::new(Vec::new()));
        let kept = received.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let kept = kept.clone();
                tokio::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read).lines();
                    if write.write_all(b"220 localhost ESMTP\r\n").await.is_err() {
                        return;
                    }
                    while let Ok(Some(line)) = lines.next_line().await {
                        let verb = line.split(' ').next().unwrap_or_default().to_uppercase();
                        let answer: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 localhost\r\n",
                            "DATA" => {
                                if write.write_all(b"354 go on\r\n").await.is_err() {
                                    return;
                                }
                                let mut data = String::new();
                                while let Ok(Some(line)) = lines.next_line().await {
                                    if line == "." {
                                        break;
                                    }
                                    data.push_str(&line);
                                    data.push('\n');
                                }
                                kept.lock().expect("received").push(data);
                                b"250 kept\r\n"
                            }
                            "QUIT" => {
                                write.write_all(b"221 bye\r\n").await.ok();
                                return;
                            }
                            _ => b"250 ok\r\n",
                        };
                        if write.write_all(answer).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Self { url, received }
    }

    /// The messages received so far, their soft line breaks (quoted-printable) undone.
    pub fn messages(&self) -> Vec<String> {
        let received = self.received.lock().expect("received").clone();
        received.into_iter().map(|m| m.replace("=\n", "")).collect()
    }
}
