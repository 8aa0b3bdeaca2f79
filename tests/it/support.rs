//! Helpers shared by the integration tests.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs the `frontline` binary on `store` with `args`, stdin closed.
pub fn frontline(store: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontline"))
        .args(args)
        .arg("--store")
        .arg(store)
        .env_remove("FRONTLINE_STORE")
        .stdin(Stdio::null())
        .output()
        .expect("frontline runs")
}

/// Copies a directory tree.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
