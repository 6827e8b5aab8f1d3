//! `imsmanifest.xml`, what makes a zip a SCORM package: one organization of
//! one item, the quiz, launched from one SCO resource that lists every file
//! it needs, with the pass mark where each version's LMS looks for it.

use super::version::ScormVersion;
use quiz_application::html_text::escape;

/// What a manifest says; `manifest` turns it into XML and nothing else.
pub struct Course {
    pub version: ScormVersion,
    /// The package's name (a slug); the manifest's identifiers are made
    /// from it.
    pub name: String,
    pub title: String,
    /// The resource's href: index.html and the quiz's in-app route.
    pub launch: String,
    /// The pass mark, in percent.
    pub pass: u8,
    /// Every file of the package but the manifest and the schema files.
    pub files: Vec<String>,
}

pub fn manifest(course: &Course) -> String {
    let ids = Identifiers::of(&course.name);
    let title = escape(&course.title);
    let launch = escape(&course.launch);
    let files: String = course
        .files
        .iter()
        .map(|file| format!("      <file href=\"{}\"/>\n", escape(file)))
        .collect();
    let Identifiers {
        manifest,
        organization,
        item,
        resource,
    } = &ids;
    let pass = course.pass;
    match course.version {
        ScormVersion::Scorm12 => format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{manifest}" version="1"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{organization}">
    <organization identifier="{organization}">
      <title>{title}</title>
      <item identifier="{item}" identifierref="{resource}">
        <title>{title}</title>
        <adlcp:masteryscore>{pass}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{resource}" type="webcontent" adlcp:scormtype="sco" href="{launch}">
{files}    </resource>
  </resources>
</manifest>
"#
        ),
        // The LMS passes or fails the attempt by comparing the quiz's
        // scaled score with the primary objective's minimum measure;
        // completion and success are the quiz's to set, not the LMS's
        // on exit.
        ScormVersion::Scorm2004 => format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{manifest}" version="1"
          xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
          xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
          xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
          xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="{organization}">
    <organization identifier="{organization}">
      <title>{title}</title>
      <item identifier="{item}" identifierref="{resource}">
        <title>{title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="pass-mark" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{resource}" type="webcontent" adlcp:scormType="sco" href="{launch}">
{files}    </resource>
  </resources>
</manifest>
"#,
            measure = normalized(pass)
        ),
    }
}

/// The manifest's `xsd:ID`s: distinct, and XML names whatever the package
/// name holds (a letter first, then letters, digits, '-', '_' or '.').
struct Identifiers {
    manifest: String,
    organization: String,
    item: String,
    resource: String,
}

impl Identifiers {
    fn of(name: &str) -> Identifiers {
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        Identifiers {
            manifest: format!("manifest-{safe}"),
            organization: format!("organization-{safe}"),
            item: format!("item-{safe}"),
            resource: format!("resource-{safe}"),
        }
    }
}

/// A percentage as SCORM 2004's normalized measure, exactly: 80 is "0.80".
fn normalized(percent: u8) -> String {
    format!("{}.{:02}", percent / 100, percent % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CP12: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    const ADLCP12: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    const CP2004: &str = "http://www.imsglobal.org/xsd/imscp_v1p1";
    const ADLCP2004: &str = "http://www.adlnet.org/xsd/adlcp_v1p3";
    const IMSSS: &str = "http://www.imsglobal.org/xsd/imsss";
    const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
    const AWKWARD_TITLE: &str = r#"Tom's <b>"Fluent" & fast</b> quiz"#;

    fn course(version: ScormVersion) -> Course {
        Course {
            version,
            name: "fluent-python-ch-1-2-5q-scorm".into(),
            title: AWKWARD_TITLE.into(),
            launch: "index.html#/lms?book=fluent-python&count=5&pass=70&chapters=1,2".into(),
            pass: 70,
            files: vec![
                "banks/catalog.json".into(),
                "banks/fluent-python.json".into(),
                "index.html".into(),
            ],
        }
    }

    fn child<'a>(
        node: roxmltree::Node<'a, 'a>,
        namespace: &str,
        name: &str,
    ) -> roxmltree::Node<'a, 'a> {
        node.children()
            .find(|n| n.has_tag_name((namespace, name)))
            .unwrap_or_else(|| panic!("<{}> has no <{name}>", node.tag_name().name()))
    }

    fn text<'a>(node: roxmltree::Node<'a, 'a>, namespace: &str, name: &str) -> &'a str {
        child(node, namespace, name).text().unwrap_or("")
    }

    /// What both versions share: the metadata, one organization of one
    /// item pointing at one SCO resource, its launch and its files.
    /// Returns the item.
    fn check_common<'a>(
        course: &Course,
        root: roxmltree::Node<'a, 'a>,
        cp: &str,
        adlcp: &str,
        scorm_type: &str,
        schema_version: &str,
    ) -> roxmltree::Node<'a, 'a> {
        assert!(root.has_tag_name((cp, "manifest")));
        let metadata = child(root, cp, "metadata");
        assert_eq!(text(metadata, cp, "schema"), "ADL SCORM");
        assert_eq!(text(metadata, cp, "schemaversion"), schema_version);

        let organizations = child(root, cp, "organizations");
        let organization = child(organizations, cp, "organization");
        assert_eq!(
            organizations.attribute("default"),
            organization.attribute("identifier")
        );
        assert_eq!(text(organization, cp, "title"), AWKWARD_TITLE);
        let item = child(organization, cp, "item");
        assert_eq!(text(item, cp, "title"), AWKWARD_TITLE);

        let resources = child(root, cp, "resources");
        let resource = child(resources, cp, "resource");
        assert_eq!(
            item.attribute("identifierref"),
            resource.attribute("identifier")
        );
        assert_eq!(resource.attribute("type"), Some("webcontent"));
        assert_eq!(resource.attribute((adlcp, scorm_type)), Some("sco"));
        assert_eq!(resource.attribute("href"), Some(course.launch.as_str()));
        let files: Vec<&str> = resource
            .children()
            .filter(|n| n.has_tag_name((cp, "file")))
            .map(|n| n.attribute("href").unwrap())
            .collect();
        assert_eq!(files, course.files);

        for id in [root, organization, item, resource].map(|n| n.attribute("identifier").unwrap()) {
            let mut chars = id.chars();
            assert!(chars.next().unwrap().is_ascii_alphabetic(), "{id}");
            assert!(
                chars.all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
                "{id}"
            );
        }
        item
    }

    /// Every schemaLocation pair names a file the package ships.
    fn check_schema_locations(root: roxmltree::Node, version: ScormVersion) {
        let locations: Vec<&str> = root
            .attribute((XSI, "schemaLocation"))
            .unwrap()
            .split_whitespace()
            .collect();
        assert_eq!(locations.len() % 2, 0);
        let folder = version.schema_dir();
        for pair in locations.chunks(2) {
            assert!(
                folder.join(pair[1]).is_file(),
                "{} is not in {}",
                pair[1],
                folder.display()
            );
        }
    }

    #[test]
    fn a_scorm_1_2_manifest_has_its_elements_and_the_mastery_score() {
        let course = course(ScormVersion::Scorm12);
        let xml = manifest(&course);
        let document = roxmltree::Document::parse(&xml).unwrap();
        let root = document.root_element();
        let item = check_common(&course, root, CP12, ADLCP12, "scormtype", "1.2");
        assert_eq!(text(item, ADLCP12, "masteryscore"), "70");
        check_schema_locations(root, ScormVersion::Scorm12);
    }

    #[test]
    fn a_scorm_2004_manifest_has_its_elements_and_the_pass_mark_as_a_measure() {
        let course = course(ScormVersion::Scorm2004);
        let xml = manifest(&course);
        let document = roxmltree::Document::parse(&xml).unwrap();
        let root = document.root_element();
        let item = check_common(
            &course,
            root,
            CP2004,
            ADLCP2004,
            "scormType",
            "2004 4th Edition",
        );
        let objective = child(
            child(child(item, IMSSS, "sequencing"), IMSSS, "objectives"),
            IMSSS,
            "primaryObjective",
        );
        assert_eq!(objective.attribute("satisfiedByMeasure"), Some("true"));
        let measure: f64 = text(objective, IMSSS, "minNormalizedMeasure")
            .parse()
            .unwrap();
        assert_eq!(measure, 0.7);
        check_schema_locations(root, ScormVersion::Scorm2004);
    }

    #[test]
    fn every_pass_mark_is_an_exact_measure() {
        assert_eq!(normalized(0), "0.00");
        assert_eq!(normalized(7), "0.07");
        assert_eq!(normalized(80), "0.80");
        assert_eq!(normalized(100), "1.00");
    }

    #[test]
    fn titles_and_links_are_escaped() {
        for version in [ScormVersion::Scorm12, ScormVersion::Scorm2004] {
            let xml = manifest(&course(version));
            assert!(xml.contains(
                "<title>Tom&#39;s &lt;b&gt;&quot;Fluent&quot; &amp; fast&lt;/b&gt; quiz</title>"
            ));
            assert!(xml.contains("count=5&amp;pass=70&amp;chapters=1,2\""));
            assert!(!xml.contains("<b>"));
        }
    }

    #[test]
    fn identifiers_stay_xml_names_whatever_the_name() {
        let ids = Identifiers::of("a b/c:d");
        assert_eq!(ids.manifest, "manifest-a-b-c-d");
        assert_eq!(ids.resource, "resource-a-b-c-d");
    }
}
