package dev.smelter.video.server;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The render service. {@link #start} takes the {@code serve} options ({@code --port N},
 * {@code --host ADDR}, {@code --data-dir DIR}, {@code --slots N}, {@code --storage URL}, {@code --config FILE}); every
 * setting can also come from the environment ({@code SMELTER_DATA_DIR}, {@code SERVER_PORT}, …) or a
 * config file, Spring Boot's usual way.
 */
@SpringBootApplication
@EnableConfigurationProperties(ServiceProperties.class)
public class ServerApplication {
  public static void main(String[] args) {
    start(args);
  }

  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication app = new SpringApplication(ServerApplication.class);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    return app.run(springArguments(args).toArray(String[]::new));
  }

  /**
   * A fleet render worker (docs/fleet.md): the same parts without HTTP, {@code smelter.role=worker}.
   * Takes {@code --redis URL}, {@code --slots N}, {@code --data-dir DIR}, {@code --gpu MODE},
   * {@code --config FILE} and any {@code --smelter.<setting>=VALUE}.
   */
  public static ConfigurableApplicationContext startWorker(String... args) {
    SpringApplication app = new SpringApplication(ServerApplication.class);
    app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
    app.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
    app.setLogStartupInfo(false);
    List<String> spring = springArguments(args);
    spring.add("--smelter.role=worker");
    if (!redisConfigured(spring)) throw new IllegalArgumentException(NO_REDIS);
    ConfigurableApplicationContext context = app.run(spring.toArray(String[]::new));
    if (!context.getBeansOfType(dev.smelter.video.server.fleet.FleetWorker.class).isEmpty()) {
      System.out.println("smelter-video worker " + context.getBean(dev.smelter.video.server.fleet.FleetRedis.class).nodeId() + " ready");
      return context;
    }
    context.close(); // a config file without the URL
    throw new IllegalArgumentException(NO_REDIS);
  }

  private static final String NO_REDIS = "a worker needs the fleet's Redis: --redis redis://HOST:PORT (or SMELTER_REDIS_URL)";

  /**
   * Whether the Redis URL is given on the command line or in the environment, or may be in a config
   * file (checked once the context runs): fails fast, before Spring starts, in the common case.
   */
  static boolean redisConfigured(List<String> springArgs) {
    var env = new org.springframework.core.env.StandardEnvironment();
    env.getPropertySources().addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource(springArgs.toArray(String[]::new)));
    org.springframework.boot.context.properties.source.ConfigurationPropertySources.attach(env);
    boolean url = !org.springframework.boot.context.properties.bind.Binder.get(env).bind("smelter.redis.url", String.class).orElse("").isBlank();
    boolean files = springArgs.stream().anyMatch(a -> a.startsWith("--spring.config"))
        || java.nio.file.Files.exists(java.nio.file.Path.of("application.properties"))
        || java.nio.file.Files.exists(java.nio.file.Path.of("application.yaml"))
        || java.nio.file.Files.exists(java.nio.file.Path.of("config"));
    return url || files;
  }

  /** Our short options become Spring properties; anything else passes through. */
  static List<String> springArguments(String... args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      String property = switch (name) {
        case "--port" -> "server.port";
        case "--host" -> "server.address";
        case "--data-dir" -> "smelter.data-dir";
        case "--slots" -> "smelter.slots";
        case "--external-url" -> "smelter.external-url";
        case "--storage" -> "smelter.storage.url";
        case "--config" -> "spring.config.additional-location";
        case "--redis" -> "smelter.redis.url";
        case "--gpu" -> "smelter.worker.gpu";
        default -> null;
      };
      if (property == null) {
        out.add(a);
        continue;
      }
      String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : "");
      if (name.equals("--config")) value = "file:" + value; // a missing file is an error, not silently skipped
      out.add("--" + property + "=" + value);
    }
    return out;
  }
}
