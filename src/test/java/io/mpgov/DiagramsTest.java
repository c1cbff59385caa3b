package io.mpgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.mpgov.support.Npm;
import io.mpgov.support.RequiresChromium;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The pictures of the models in docs/ are drawn from processes/ by the test command, so a model change cannot
 * leave a stale picture: every processes/&lt;name&gt;.bpmn is imported into bpmn-js's viewer (pinned in
 * src/test/diagrams/package-lock.json, installed with npm ci) in headless Chromium, and its saveSVG output is
 * written to docs/&lt;name&gt;.svg when it differs from what is there. A model bpmn-js cannot import without a
 * warning fails, and so does a picture that lacks an element of its model or the element's name. Without
 * Node.js and npm, or Chromium and ChromeDriver, the test is skipped with a message, except under CI=true,
 * where it fails.
 */
@RequiresChromium
class DiagramsTest {

    static final Path VIEWER = Path.of("src/test/diagrams").toAbsolutePath();
    static final Path MODELS = Path.of("processes");
    static final Path DOCS = Path.of("docs");
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String SVG = "http://www.w3.org/2000/svg";
    /** The model elements that contain drawn elements (their children with an id are drawn). */
    static final Set<String> CONTAINERS =
            Set.of("process", "subProcess", "transaction", "adHocSubProcess", "collaboration");
    /** Children with an id that bpmn-js does not draw. */
    static final Set<String> UNDRAWN = Set.of(
            "dataObject",
            "laneSet",
            "ioSpecification",
            "property",
            "documentation",
            "extensionElements",
            "multiInstanceLoopCharacteristics",
            "standardLoopCharacteristics",
            "conditionExpression");

    static WebDriver browser;

    @BeforeAll
    static void openTheViewer() throws Exception {
        Npm.install(VIEWER, "draw docs/*.svg from the models");

        // Only under CI=true does a missing browser get this far (@RequiresChromium): say so, not just "session not
        // created".
        if (!Files.isExecutable(RequiresChromium.CHROMIUM) || !Files.isExecutable(RequiresChromium.CHROMEDRIVER)) {
            fail(
                    "CI=true: no Chromium at " + RequiresChromium.CHROMIUM + " or no ChromeDriver at "
                            + RequiresChromium.CHROMEDRIVER
                            + " to draw docs/*.svg (apt-get install chromium chromium-driver, or src/test/browser/install-chromium.sh)");
        }
        // As Tasklist drives it: the machine's network is closed, Chromium must not reach out on its own.
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiresChromium.CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // get() returns once the page has loaded, and with it the viewer's script.
        browser.get(VIEWER.resolve("viewer.html").toUri().toString());
    }

    @AfterAll
    static void closeTheViewer() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyModelIsDrawnIntoDocsWithAllItsElements() throws Exception {
        List<Path> models;
        try (Stream<Path> files = Files.list(MODELS)) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(6);

        for (Path model : models) {
            String xml = Files.readString(model);
            String svg = draw(model.toString(), xml);
            assertPictureShowsTheModel(model.toString(), xml, svg);
            Path picture = DOCS.resolve(model.getFileName().toString().replaceFirst("\\.bpmn$", ".svg"));
            if (!Files.exists(picture) || !Files.readString(picture).equals(svg)) {
                Files.writeString(picture, svg);
            }
        }

        // No picture in docs/ outlives its model, and every picture README shows is one of them.
        Set<String> drawn = new TreeSet<>();
        models.forEach(m -> drawn.add(m.getFileName().toString().replaceFirst("\\.bpmn$", ".svg")));
        Set<String> pictures = new TreeSet<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".svg"))
                    .forEach(pictures::add);
        }
        assertThat(pictures)
                .as("docs/*.svg are drawn from processes/*.bpmn: remove a picture whose model is gone")
                .isEqualTo(drawn);
        Set<String> shown = new TreeSet<>();
        // the pictures are shown in docs/processes.md, next to them
        Matcher link =
                Pattern.compile("\\]\\(([^)/]+\\.svg)\\)").matcher(Files.readString(Path.of("docs/processes.md")));
        while (link.find()) {
            shown.add(link.group(1));
        }
        assertThat(shown).as("docs/processes.md's pictures of the models").isNotEmpty();
        assertThat(drawn)
                .as("docs/processes.md shows only pictures drawn from processes/")
                .containsAll(shown);
    }

    @Test
    void aModelTheViewerCannotImportFailsWithTheViewersWords() throws Exception {
        String model = Files.readString(MODELS.resolve("catalog-change.bpmn"));

        String unresolved = model.replaceFirst(
                "bpmnElement=\"StartEvent_CatalogChangeRequested\"", "bpmnElement=\"StartEvent_Nowhere\"");
        assertThatThrownBy(() -> draw("unresolved.bpmn", unresolved))
                .hasMessageContaining("unresolved.bpmn")
                .hasMessageContaining("StartEvent_Nowhere");

        String broken = model.replaceFirst("</bpmn:process>", "");
        assertThatThrownBy(() -> draw("broken.bpmn", broken))
                .hasMessageContaining("broken.bpmn")
                .hasMessageContaining("unparsable content");
    }

    @Test
    void aPictureWithoutAnElementOfTheModelOrItsNameIsRefused() throws Exception {
        String model = Files.readString(MODELS.resolve("catalog-change.bpmn"));
        String svg = draw("catalog-change.bpmn", model);

        // A task in the model without a shape in its diagram: bpmn-js imports it quietly and draws nothing.
        String undrawn = model.replaceFirst(
                "</bpmn:process>", "<bpmn:task id=\"Task_Orphan\" name=\"Orphan\" /></bpmn:process>");
        assertThatThrownBy(() -> assertPictureShowsTheModel("orphan.bpmn", undrawn, draw("orphan.bpmn", undrawn)))
                .hasMessageContaining("Task_Orphan");

        String renamed = model.replaceFirst("name=\"PMP change requested\"", "name=\"PMP change wished for\"");
        assertThatThrownBy(() -> assertPictureShowsTheModel("renamed.bpmn", renamed, svg))
                .hasMessageContaining("StartEvent_CatalogChangeRequested")
                .hasMessageContaining("PMP change wished for");
    }

    @Test
    void anUnchangedModelGivesTheSamePictureByteForByte() throws Exception {
        String model = Files.readString(MODELS.resolve("catalog-change.bpmn"));

        String first = draw("catalog-change.bpmn", model);
        String second = draw("catalog-change.bpmn", model);

        assertThat(first).contains("marker-1").isEqualTo(second);
    }

    /** The model's picture as bpmn-js's saveSVG writes it; fails on an import error or any import warning. */
    @SuppressWarnings("unchecked")
    static String draw(String name, String xml) {
        Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; drawDiagram(arguments[0]).then(done, e => done({ error: String(e), warnings: [] }));",
                        xml);
        List<String> warnings = (List<String>) drawn.getOrDefault("warnings", List.of());
        if (drawn.get("error") != null) {
            fail("bpmn-js cannot import %s: %s%s", name, drawn.get("error"), warnings.isEmpty() ? "" : " " + warnings);
        }
        assertThat(warnings).as("bpmn-js's warnings importing %s", name).isEmpty();
        String svg = (String) drawn.get("svg");
        assertThat(svg).as("bpmn-js's picture of %s", name).isNotBlank();
        return svg;
    }

    /** The picture is SVG and shows every element of the model that bpmn-js draws, each with its name. */
    static void assertPictureShowsTheModel(String name, String model, String svg) throws Exception {
        Document picture = parse(svg);
        assertThat(picture.getDocumentElement().getNamespaceURI() + " "
                        + picture.getDocumentElement().getLocalName())
                .as("the root of the picture of %s", name)
                .isEqualTo(SVG + " svg");
        Map<String, String> shown = new HashMap<>();
        NodeList groups = picture.getElementsByTagNameNS(SVG, "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.hasAttribute("data-element-id")) {
                shown.put(group.getAttribute("data-element-id"), withoutSpace(group.getTextContent()));
            }
        }

        Map<String, String> elements = drawnElements(parse(model));
        assertThat(elements).as("the elements of %s", name).isNotEmpty();
        List<String> missing = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        elements.forEach((id, label) -> {
            if (!shown.containsKey(id)) {
                missing.add(id);
            } else if (!label.isBlank()) {
                // Events', gateways' and flows' names are labels of their own, beside the element.
                String text = shown.get(id) + shown.getOrDefault(id + "_label", "");
                if (!text.equals(withoutSpace(label))) {
                    unnamed.add(id + " \"" + label + "\"");
                }
            }
        });
        assertThat(missing)
                .as("elements of %s the picture has no data-element-id of", name)
                .isEmpty();
        assertThat(unnamed)
                .as("elements of %s whose name the picture does not show", name)
                .isEmpty();
    }

    /** id → name of every element of the model in a process, sub-process or collaboration. */
    static Map<String, String> drawnElements(Document model) {
        Map<String, String> elements = new LinkedHashMap<>();
        NodeList all = model.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            Node parent = element.getParentNode();
            if (element.hasAttribute("id")
                    && !UNDRAWN.contains(element.getLocalName())
                    && parent instanceof Element container
                    && BPMN.equals(container.getNamespaceURI())
                    && CONTAINERS.contains(container.getLocalName())) {
                elements.put(element.getAttribute("id"), element.getAttribute("name"));
            }
        }
        return elements;
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // saveSVG declares SVG 1.1's DTD: never fetch it (the machine's network is closed).
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }
}
