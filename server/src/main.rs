#[tokio::main]
async fn main() -> anyhow::Result<()> {
    server::cli::run().await
}
