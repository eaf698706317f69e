package dev.smelter.video.server.job;

import java.util.ArrayList;
import java.util.List;

/** The state of a job's terminal webhook, persisted with the job so a restart can finish it. */
public record Delivery(State state, List<DeliveryAttempt> attempts) {
  public enum State { NONE, PENDING, DELIVERED, GAVE_UP }

  public static final Delivery NONE = new Delivery(State.NONE, List.of());

  public Delivery {
    attempts = List.copyOf(attempts);
  }

  public Delivery with(DeliveryAttempt attempt, State next) {
    List<DeliveryAttempt> all = new ArrayList<>(attempts);
    all.add(attempt);
    return new Delivery(next, all);
  }
}
