//! The model's trip from the server's page to the browser's island.
//!
//! An integration test rather than a unit test inside `app`: a unit test would compile the
//! whole `app` crate a second time, in test mode, in every build of the test targets.

use app::context::{browser_model_data, read_browser_model_data};

#[test]
fn model_data_is_plain_text_that_reads_back_as_the_browser_model() {
    let model = decision::load::builtin();
    let data = browser_model_data(&model).unwrap();
    assert!(
        data.bytes()
            .all(|b| (0x20..0x7f).contains(&b) && !b"<>&".contains(&b)),
        "only printable ASCII without markup characters may reach the page"
    );
    assert_eq!(read_browser_model_data(&data).unwrap(), model.for_browser());
    assert!(read_browser_model_data(&data[..data.len() / 2]).is_err());
    assert!(read_browser_model_data("{}").is_err());
}
