//! Embeds every map in `samples/` into the binary, so "Open sample" works from any folder.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=samples");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("samples");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".ron"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// Every sample map, by file name, sorted.\npub static SAMPLES: &[(&str, &str)] = &[\n");
    for name in names {
        let path = dir.join(&name);
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("samples.rs"), code).unwrap();
}
