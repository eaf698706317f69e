package dev.smelter.video.server;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Fleet mode: {@code smelter.redis.url} ({@code SMELTER_REDIS_URL}, {@code --redis}) is set. */
final class FleetMode implements Condition {
  static boolean on(ConditionContext context) {
    return !Binder.get(context.getEnvironment()).bind("smelter.redis.url", String.class).orElse("").isBlank();
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return on(context);
  }

  /** The opposite: the embedded queue. */
  static final class Off implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !on(context);
    }
  }
}
