package io.mpgov.aws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

/**
 * Every AWS operation mpgov's main code calls, read from its compiled classes (lambdas included): each
 * invocation of a method of an SDK service client interface ({@code software.amazon.awssdk.services.<module>.*Client}).
 * {@code listAccountsPaginator} is the operation ListAccounts; client methods that call nothing
 * ({@code serviceName}, {@code close}, {@code utilities}, …) are left out.
 */
final class SdkCalls {

    private static final Pattern CLIENT =
            Pattern.compile("software/amazon/awssdk/services/([a-z0-9]+)/([A-Za-z0-9]+)(Async)?Client");
    private static final Set<String> NOT_OPERATIONS =
            Set.of("serviceName", "close", "serviceClientConfiguration", "utilities", "waiter", "builder", "create");

    /** One operation of one service, e.g. {@code organizations ListAccounts}; {@code callers} are classes. */
    record Operation(String sdkPackage, String name) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return sdkPackage + ":" + name;
        }
    }

    private SdkCalls() {}

    /** The compiled main classes (target/classes), found from a class that lives there. */
    static Path mainClasses() {
        try {
            return Path.of(AwsClients.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Operation → the main classes that call it. */
    static SortedMap<Operation, Set<String>> inMainCode() throws IOException {
        SortedMap<Operation, Set<String>> calls = new TreeMap<>();
        Path root = mainClasses();
        List<Path> classes;
        try (Stream<Path> files = Files.walk(root)) {
            classes = files.filter(f -> f.toString().endsWith(".class")).toList();
        }
        for (Path file : classes) {
            String caller =
                    root.relativize(file).toString().replace(".class", "").replace('/', '.');
            try (InputStream in = Files.newInputStream(file)) {
                new ClassReader(in)
                        .accept(
                                new ClassVisitor(Opcodes.ASM9) {
                                    @Override
                                    public MethodVisitor visitMethod(
                                            int access,
                                            String name,
                                            String descriptor,
                                            String signature,
                                            String[] exceptions) {
                                        return new MethodVisitor(Opcodes.ASM9) {
                                            @Override
                                            public void visitMethodInsn(
                                                    int opcode,
                                                    String owner,
                                                    String method,
                                                    String desc,
                                                    boolean isInterface) {
                                                Matcher client = CLIENT.matcher(owner);
                                                if (client.matches()
                                                        && !NOT_OPERATIONS.contains(method)
                                                        && !method.startsWith("lambda$")) {
                                                    calls.computeIfAbsent(
                                                                    new Operation(
                                                                            client.group(1), operationName(method)),
                                                                    o -> new TreeSet<>())
                                                            .add(caller.replaceAll("\\$.*", ""));
                                                }
                                            }
                                        };
                                    }
                                },
                                ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
        }
        return calls;
    }

    /** {@code listAccountsForParentPaginator} → {@code ListAccountsForParent}: the SDK names methods after operations. */
    static String operationName(String method) {
        String base =
                method.endsWith("Paginator") ? method.substring(0, method.length() - "Paginator".length()) : method;
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }
}
