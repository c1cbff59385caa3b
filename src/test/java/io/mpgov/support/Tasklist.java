package io.mpgov.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a person uses it, in headless Chromium: log in, start a process from its start
 * form, find a task in "My groups' tasks", claim it, fill its Camunda Form and complete it. Each step
 * can be saved as a screenshot under {@code target/browser/<journey>/}. Every step waits for what it
 * needs (the element clickable, the value taken, the dialog gone), never for a time; every click
 * scrolls its element to the middle of the view first, away from Tasklist's fixed footer.
 */
public final class Tasklist implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path screenshots;
    private int step;

    public Tasklist(int port, String journey) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiresChromium.CHROMIUM.toFile());
        // The machine's network is closed: Chromium must not reach out on its own.
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
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.base = "http://127.0.0.1:" + port;
        this.screenshots = Path.of("target", "browser", journey);
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs out whoever was logged in and logs the user in (demo password). */
    public Tasklist loginAs(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/camunda/app/tasklist/default/");
        type(By.cssSelector("input[ng-model='username']"), user);
        type(By.cssSelector("input[type='password']"), "demo");
        click(By.cssSelector("button[type='submit']"));
        visible(By.xpath("//a[contains(., 'Start process')]"));
        return this;
    }

    /** Opens a page as a link in a mail would, nobody signed in; a Tasklist link asks to sign in, and then shows its page. */
    public Tasklist openSignedOut(String url) {
        driver.manage().deleteAllCookies();
        driver.get(url);
        return this;
    }

    /** Signs in on the Tasklist sign-in form the page shows (demo password), staying on the page's address. */
    public Tasklist signInAs(String user) {
        type(By.cssSelector("input[ng-model='username']"), user);
        type(By.cssSelector("input[type='password']"), "demo");
        click(By.cssSelector("button[type='submit']"));
        return this;
    }

    /** Waits until the page shows the text, and scrolls the innermost element that holds it into view. */
    public Tasklist showsText(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        String holds = "contains(normalize-space(.), \"" + text + "\")";
        centre(driver.findElement(By.xpath("//*[" + holds + "][not(.//*[" + holds + "])]")));
        return this;
    }

    /** The address the browser is at. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public Tasklist startProcess(String name) {
        click(By.xpath("//a[contains(., 'Start process')]"));
        click(By.xpath("//div[contains(@class,'modal')]//a[contains(., '" + name + "')]"));
        visible(By.cssSelector("form [id$='-Field_ProductId']"));
        return this;
    }

    /** Presses Start and waits until the dialog is gone (the start form was accepted). */
    public Tasklist submitStartForm() {
        By start = By.cssSelector("button[ng-click='startProcessInstance()']");
        click(start);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(start));
        return this;
    }

    /**
     * Presses Start when the start form has a mistake mpgov refuses: waits until Tasklist shows mpgov's
     * message, with the dialog and what was typed still there, and answers the message.
     */
    public String submitStartFormRefused(String expectedText) {
        By start = By.cssSelector("button[ng-click='startProcessInstance()']");
        click(start);
        By message = By.xpath("//*[contains(@class,'notification') or contains(@class,'alert')][contains(., \""
                + expectedText + "\")]");
        visible(start);
        return visible(message).getText();
    }

    /** After a start: the link mpgov's note in Tasklist gives to the new request's page. */
    public String requestStartedLink() {
        return visible(By.cssSelector("#mpgov-request-started a")).getAttribute("href");
    }

    /** Opens the named task from "My groups' tasks" (reloading until it is there), claims it and waits until its form takes input. */
    public Tasklist claimGroupTask(String taskName) {
        By link =
                By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + taskName + "\")]");
        By groupTasks = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')"
                + " and contains(., \"My groups' tasks\")]");
        // The task is created by the engine's job executor: the list shows it after a reload once it is there.
        reloadUntil(() -> click(groupTasks), ExpectedConditions.visibilityOfElementLocated(link));
        click(link);
        return claimOpenTask();
    }

    /** Claims the task Tasklist shows (e.g. opened from a mail's link) and waits until its form takes input. */
    public Tasklist claimOpenTask() {
        click(By.cssSelector("button.claim"));
        wait.until(ExpectedConditions.elementToBeClickable(field("Field_Decision-0")));
        return this;
    }

    /** The value a form field shows, once it shows one (the form fills its fields after it is drawn). */
    public String valueOf(String fieldId) {
        By by = field(fieldId);
        visible(by);
        return wait.until(d -> {
            String value = d.findElement(by).getAttribute("value");
            return value == null || value.isBlank() ? null : value;
        });
    }

    public Tasklist text(String fieldId, String value) {
        By by = field(fieldId);
        // Tab leaves the field: Camunda Forms keep typed text only once it is committed
        act(by, input -> {
            input.clear();
            input.sendKeys(value, Keys.TAB);
        });
        wait.until(ExpectedConditions.attributeToBe(by, "value", value));
        return this;
    }

    public Tasklist radio(String fieldId, int option) {
        By by = field(fieldId + "-" + option);
        click(by);
        wait.until(ExpectedConditions.elementToBeSelected(by));
        return this;
    }

    public Tasklist select(String fieldId, String label) {
        By option = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']");
        By display = By.cssSelector("[id$='-" + fieldId + "-display']");
        // Tabbing into a select opens its list already; a click would close it again.
        if (driver.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
            click(display);
        }
        click(option);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(display, label));
        return this;
    }

    /** Presses Complete and waits until the task's form is gone. */
    public Tasklist complete() {
        By complete = By.cssSelector("button[ng-click='complete()']");
        click(complete);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(complete));
        return this;
    }

    /** Opens mpgov's catalog dashboard with the browser's session as it is (e.g. Tasklist's) and waits until it shows the text. */
    public Tasklist dashboard(String expectedText) {
        driver.get(base + "/dashboard/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expectedText));
        return this;
    }

    /**
     * Signs out of everything, opens Tasklist's sign-in page (whose session the dashboard then shares without being
     * told its CSRF token), signs in on the dashboard's own form and waits until it shows the text.
     */
    public Tasklist dashboardAs(String user, String expectedText) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/camunda/app/tasklist/default/");
        visible(By.cssSelector("input[ng-model='username']"));
        signInOnDashboard(user, "demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expectedText));
        return this;
    }

    /** Signs out of everything, signs in to the dashboard with a password it refuses, and answers the message it shows. */
    public String dashboardRefusesSignIn(String user, String password) {
        driver.manage().deleteAllCookies();
        signInOnDashboard(user, password);
        return wait.until(d -> {
            String message = d.findElement(By.id("error")).getText();
            return message.isBlank() ? null : message;
        });
    }

    private void signInOnDashboard(String user, String password) {
        driver.get(base + "/dashboard/");
        type(By.id("user"), user);
        type(By.id("password"), password);
        click(By.cssSelector("#login button[type='submit']"));
    }

    /** Signs out on the dashboard and waits until its sign-in form is back. */
    public Tasklist signOutOfDashboard() {
        click(By.id("sign-out"));
        visible(By.id("login-form"));
        return this;
    }

    /** The labels of the dashboard's action buttons that it shows. */
    public List<String> dashboardActions() {
        return driver.findElements(By.cssSelector("#products-section button")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    /** On the dashboard: the dry-run button, until the page reports what the review would remove. */
    public Tasklist dryRunOnDashboard() {
        click(By.id("dry-run"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), "would be removed"));
        return this;
    }

    /** After a dry run on the dashboard: each product it would remove, as the page lists it. */
    public List<String> dryRunRemovals() {
        return driver.findElements(By.cssSelector("#review-removals li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Opens one of mpgov's own pages (e.g. {@code /requests}) signed out, so that it shows its sign-in form. */
    public Tasklist signedOutAt(String path) {
        driver.manage().deleteAllCookies();
        driver.get(base + path);
        visible(By.id("sign-in-form"));
        return this;
    }

    /** Opens one of mpgov's own pages as whoever is signed in. */
    public Tasklist open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in on the page's own form (not Tasklist's). */
    public Tasklist signInOnPage(String user, String password) {
        type(By.id("user"), user);
        type(By.id("password"), password);
        click(By.cssSelector("#sign-in-form button[type='submit']"));
        return this;
    }

    /** Waits until the element with that id shows the text. */
    public Tasklist shows(String elementId, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(elementId), text));
        return this;
    }

    /** The text of the element with that id, once it is visible. */
    public String textOf(String elementId) {
        return visible(By.id(elementId)).getText();
    }

    /** On /requests: opens the request from its row in the list. */
    public Tasklist openRequestFromList(String requestId) {
        click(By.cssSelector("tr[data-request='" + requestId + "'] a"));
        wait.until(ExpectedConditions.urlContains("/requests/" + requestId));
        visible(By.id("request-status"));
        return this;
    }

    /** Reloads the page until the element shows the text: what it shows changes as the engine works. */
    public Tasklist reloadUntil(String elementId, String text) {
        reloadUntil(() -> {}, ExpectedConditions.textToBePresentInElementLocated(By.id(elementId), text));
        return this;
    }

    /** Reloads, does {@code afterReload}, and gives the page a few seconds to meet the condition; again until it does. */
    private void reloadUntil(Runnable afterReload, ExpectedCondition<?> condition) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    driver.navigate().refresh();
                    afterReload.run();
                    try {
                        new WebDriverWait(driver, Duration.ofSeconds(3)).until(condition);
                        return true;
                    } catch (TimeoutException notYet) {
                        return false;
                    }
                });
    }

    /** Opens a page of mpgov, unsigned, and waits until it shows the text. */
    public Tasklist open(String path, String expectedText) {
        driver.get(base + path);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expectedText));
        return this;
    }

    /** Every URL the page has loaded so far (the browser's resource timing), the page's own included. */
    @SuppressWarnings("unchecked")
    public List<String> loaded() {
        return (List<String>) ((JavascriptExecutor) driver)
                .executeScript(
                        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
    }

    public Tasklist screenshot(String name) {
        step++;
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(
                    shot,
                    screenshots.resolve(String.format("%02d-%s.png", step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs the walk; when a step fails, the page as it was is saved as the last screenshot. */
    public void onFailureScreenshot(Runnable walk) {
        try {
            walk.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot("failed-here");
            throw e;
        }
    }

    private static By field(String fieldId) {
        return By.cssSelector("form [id$='-" + fieldId + "']");
    }

    /** Visible and scrolled to the middle of its scrolling region (Tasklist's task form scrolls inside the page). */
    private WebElement visible(By by) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        centre(element);
        return element;
    }

    /** Clicks the element once it is clickable and the click reaches it; see {@link #act}. */
    private void click(By by) {
        act(by, WebElement::click);
    }

    /**
     * Does {@code action} to the element once it is visible and enabled, scrolled to the middle of the
     * view. When the action cannot reach it — something lies over it (the footer, a dialog on its way
     * out) or the form drew it anew — it is found, scrolled and tried again until the wait ends.
     */
    private void act(By by, java.util.function.Consumer<WebElement> action) {
        wait.until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            try {
                centre(element);
                action.accept(element);
                return true;
            } catch (ElementNotInteractableException | StaleElementReferenceException notReached) {
                // ElementClickInterceptedException is one of these: the next round scrolls and clicks again
                return false;
            }
        });
    }

    private void centre(WebElement element) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
    }

    private void type(By by, String value) {
        act(by, input -> {
            input.clear();
            input.sendKeys(value);
        });
        wait.until(ExpectedConditions.attributeToBe(by, "value", value));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
