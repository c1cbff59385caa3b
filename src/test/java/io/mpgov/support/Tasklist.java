package io.mpgov.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Camunda Tasklist as a person uses it, in headless Chromium: log in, start a process from its start
 * form, find a task in "My groups' tasks", claim it, fill its Camunda Form and complete it. Each step
 * can be saved as a screenshot under {@code target/browser/<journey>/}.
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
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1100");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile()).usingAnyFreePort().build();
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
        type(visible(By.cssSelector("input[ng-model='username']")), user);
        type(visible(By.cssSelector("input[type='password']")), "demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        visible(By.xpath("//a[contains(., 'Start process')]"));
        return this;
    }

    public Tasklist startProcess(String name) {
        driver.findElement(By.xpath("//a[contains(., 'Start process')]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'modal')]//a[contains(., '" + name + "')]"))).click();
        visible(By.cssSelector("form [id$='-Field_ProductId']"));
        return this;
    }

    /** Presses Start and waits until the dialog is gone (the start form was accepted). */
    public Tasklist submitStartForm() {
        By start = By.cssSelector("button[ng-click='startProcessInstance()']");
        wait.until(ExpectedConditions.elementToBeClickable(start)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(start));
        return this;
    }

    /** Opens the named task from "My groups' tasks" (reloading until it is there) and claims it. */
    public Tasklist claimGroupTask(String taskName) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + taskName + "\")]");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            driver.navigate().refresh();
            visible(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' task-filter ')"
                    + " and contains(., \"My groups' tasks\")]")).click();
            try {
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(ExpectedConditions.visibilityOfElementLocated(link));
                return true;
            } catch (TimeoutException notYet) {
                return false;
            }
        });
        driver.findElement(link).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        visible(By.cssSelector("form [id$='-Field_Decision-0']"));
        return this;
    }

    /** The value a form field shows. */
    public String valueOf(String fieldId) {
        return visible(field(fieldId)).getAttribute("value");
    }

    public Tasklist text(String fieldId, String value) {
        WebElement input = visible(field(fieldId));
        input.clear();
        // Tab leaves the field: Camunda Forms keep typed text only once it is committed
        input.sendKeys(value, Keys.TAB);
        return this;
    }

    public Tasklist radio(String fieldId, int option) {
        visible(field(fieldId + "-" + option));
        wait.until(ExpectedConditions.elementToBeClickable(field(fieldId + "-" + option))).click();
        return this;
    }

    public Tasklist select(String fieldId, String label) {
        By option = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']");
        // Tabbing into a select opens its list already; a click would close it again.
        if (driver.findElements(option).stream().noneMatch(WebElement::isDisplayed)) {
            visible(By.cssSelector("[id$='-" + fieldId + "-display']")).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='-" + fieldId + "-display']"), label));
        return this;
    }

    /** Presses Complete and waits until the task's form is gone. */
    public Tasklist complete() {
        By complete = By.cssSelector("button[ng-click='complete()']");
        visible(complete);
        wait.until(ExpectedConditions.elementToBeClickable(complete)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(complete));
        return this;
    }

    /** Signs in to mpgov's catalog dashboard and waits until it shows the text. */
    public Tasklist dashboardAs(String user, String expectedText) {
        driver.get(base + "/dashboard/");
        type(visible(By.id("user")), user);
        type(visible(By.id("password")), "demo");
        driver.findElement(By.cssSelector("#login button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), expectedText));
        return this;
    }

    public Tasklist screenshot(String name) {
        step++;
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(shot, screenshots.resolve(String.format("%02d-%s.png", step, name)), StandardCopyOption.REPLACE_EXISTING);
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
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
