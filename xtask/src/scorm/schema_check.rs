//! The manifest of a written package validates against the schema files
//! the package ships, with Python's xmlschema (`cargo xtask setup`
//! installs it), as an LMS or a validator would check it on upload.

use std::path::Path;
use std::process::Command;

use super::options::Options;
use super::package::tests::fake_dist;
use super::package::MANIFEST;
use super::write_package;

/// Validates the manifest named by argv[1] against the schemas its
/// xsi:schemaLocation names, read from beside it only ("sandbox"): a
/// package has to carry every schema it needs. One exception: SCORM 1.2's
/// ims_xml.xsd, as ADL published it, binds the default namespace to the
/// `xml` namespace, which a namespace-aware parser (Python's) refuses; it
/// only declares `xml:lang` and `xml:base`, which no manifest here uses, so
/// xmlschema's own schema of that namespace is read in its place.
const VALIDATE: &str = r#"
import pathlib, sys
try:
    import xmlschema
except ImportError:
    sys.exit("Python's xmlschema is missing: `cargo xtask setup` installs it")
xml_namespace = pathlib.Path(xmlschema.__file__).parent / "schemas" / "XML" / "xml.xsd"
def instead_of_ims_xml(url):
    return xml_namespace.as_uri() if url.endswith("/ims_xml.xsd") else url
try:
    xmlschema.validate(sys.argv[1], allow="sandbox", uri_mapper=instead_of_ims_xml)
except (xmlschema.XMLSchemaException, OSError) as error:
    sys.exit(f"{sys.argv[1]} is not valid: {error}")
"#;

/// What Python said of a manifest: Ok, or its message.
fn validate(manifest: &Path) -> Result<(), String> {
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .args(["-c", VALIDATE])
        .arg(manifest)
        .output()
        .unwrap_or_else(|e| {
            panic!("could not run {python}: {e} (`cargo xtask setup` installs Python's xmlschema)")
        });
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Writes the package for `args` from a fake release and unpacks it into
/// a new folder, returned with the package's manifest text.
fn unpacked_package(args: &[&str]) -> (tempfile::TempDir, String) {
    let dist = fake_dist();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let zip = write_package(&Options::parse(&args).unwrap(), dist.path()).unwrap();
    let unpacked = tempfile::tempdir().unwrap();
    zip::ZipArchive::new(std::fs::File::open(zip).unwrap())
        .unwrap()
        .extract(unpacked.path())
        .unwrap();
    let xml = std::fs::read_to_string(unpacked.path().join(MANIFEST)).unwrap();
    (unpacked, xml)
}

#[test]
fn the_manifests_validate_against_the_shipped_schemas() {
    for version in ["1.2", "2004"] {
        let (unpacked, xml) = unpacked_package(&[
            "--book",
            "fluent-python",
            "--chapters",
            "1,2",
            "--scorm",
            version,
            "--title",
            r#"Tom's <"quiz"> & more"#,
        ]);
        if let Err(message) = validate(&unpacked.path().join(MANIFEST)) {
            panic!("SCORM {version}: {message}\n{xml}");
        }
    }
}

/// The check above proves something only if the validator reads the
/// schemas of every namespace used: a value each one forbids must fail.
#[test]
fn the_schema_check_catches_what_each_schema_forbids() {
    let cases = [
        (
            "1.2",
            "adlcp:scormtype=\"sco\"",
            "adlcp:scormtype=\"course\"",
        ),
        ("1.2", " identifierref=", " identifierreference="),
        (
            "2004",
            "adlcp:scormType=\"sco\"",
            "adlcp:scormType=\"course\"",
        ),
        (
            "2004",
            "<imsss:minNormalizedMeasure>0.80<",
            "<imsss:minNormalizedMeasure>1.80<",
        ),
    ];
    for (version, valid, invalid) in cases {
        let (unpacked, xml) = unpacked_package(&["--book", "fluent-python", "--scorm", version]);
        assert!(xml.contains(valid), "{valid} is not in\n{xml}");
        let broken = unpacked.path().join("broken.xml");
        std::fs::write(&broken, xml.replace(valid, invalid)).unwrap();
        let message = validate(&broken).expect_err(invalid);
        assert!(message.contains("is not valid"), "{message}");
    }
}
