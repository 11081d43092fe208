package org.retailcx.infra;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Entry point of the broker child JVM started by {@link EmbeddedKafka}.
 *
 * <pre>
 * java ... org.retailcx.infra.KafkaBrokerMain [--format CLUSTER_ID] server.properties
 * </pre>
 *
 * <ol>
 * <li>With {@code --format}, formats the KRaft storage in-process ({@code kafka.tools.StorageTool format
 * --ignore-formatted}), saving a JVM start.</li>
 * <li>Delegates to {@code kafka.Kafka.main(server.properties)}.</li>
 * </ol>
 * The parent JVM's {@link ChildProcess} watchdog stops this JVM (SIGTERM, Kafka's graceful shutdown) when the
 * parent is gone.
 * This class is copied on its own into a temp dir for the child's classpath, so it must stay
 * self-contained: only JDK types, no nested/anonymous classes (lambdas are fine).
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Throwable {
        String clusterId = null;
        int i = 0;
        if (args.length >= 2 && "--format".equals(args[0])) {
            clusterId = args[1];
            i = 2;
        }
        if (args.length - i != 1) {
            System.err.println("usage: KafkaBrokerMain [--format CLUSTER_ID] server.properties");
            System.exit(2);
        }
        String config = args[i];
        if (clusterId != null) {
            int rc = invokeStatic("kafka.tools.StorageTool", "execute", new Class<?>[] {String[].class, PrintStream.class},
                    new String[] {"format", "--config", config, "--cluster-id", clusterId, "--ignore-formatted"},
                    System.out);
            if (rc != 0) {
                System.err.println("[retailcx] kafka-storage format failed with exit code " + rc);
                System.exit(rc == 0 ? 1 : rc);
            }
        }
        invokeStatic("kafka.Kafka", "main", new Class<?>[] {String[].class}, (Object) new String[] {config});
    }

    private static int invokeStatic(String className, String method, Class<?>[] types, Object... args) throws Throwable {
        Method m = Class.forName(className).getMethod(method, types);
        try {
            Object result = m.invoke(null, args);
            return result instanceof Integer ? (Integer) result : 0;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
