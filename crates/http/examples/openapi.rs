//! Prints the OpenAPI document of the API.
fn main() {
    println!(
        "{}",
        serde_json::to_string_pretty(&realtime_store_http::openapi()).expect("serializable")
    );
}
