package dev.smelter.video.server.worker;

import dev.smelter.video.spec.Problem;
import java.util.List;

/** How one worker run ended. */
public sealed interface WorkerOutcome {
  record Rendered(WorkerProtocol.ResultLine result) implements WorkerOutcome {}

  /** The spec cannot be rendered: retrying cannot help. */
  record Rejected(List<Problem> problems) implements WorkerOutcome {}

  /** A crash, a timeout or a render error; {@code retryable} when another attempt might succeed. */
  record Failed(String message, boolean retryable) implements WorkerOutcome {}

  record Cancelled() implements WorkerOutcome {}
}
