package dev.smelter.video.server.api;

import dev.smelter.video.server.ServiceProperties;
import dev.smelter.video.spec.Problem;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Error answers in the legacy shape {@code {"error": …, "details"?: …}}; never a stack trace. */
@RestControllerAdvice
class Errors {
  private static final Logger LOG = Logger.getLogger(Errors.class.getName());

  private final boolean expose;

  Errors(ServiceProperties props) {
    this.expose = props.security().exposeErrors();
  }

  static ResponseEntity<Map<String, Object>> notFound() {
    return ResponseEntity.status(404).body(LegacyController.ordered("error", "Endpoint not found"));
  }

  /** At most this many problems are listed in an answer: a 50 MB spec with a mistake per clip must not answer 150 MB. */
  static final int MAX_LISTED_PROBLEMS = 100;

  static List<Map<String, Object>> problems(List<Problem> problems) {
    return listed(problems).stream().map(p -> LegacyController.ordered("path", p.path(), "message", p.message())).toList();
  }

  /** The first {@link #MAX_LISTED_PROBLEMS} problems, and a last one (at the root) counting the rest. */
  static List<Problem> listed(List<Problem> problems) {
    if (problems.size() <= MAX_LISTED_PROBLEMS) return problems;
    List<Problem> first = new java.util.ArrayList<>(problems.subList(0, MAX_LISTED_PROBLEMS));
    first.add(new Problem("", "and " + (problems.size() - MAX_LISTED_PROBLEMS) + " more problems (the first " + MAX_LISTED_PROBLEMS
        + " are listed)"));
    return first;
  }

  /** The exception's message when configured to expose it, else a pointer to the log. */
  String detail(Exception e) {
    return expose && e.getMessage() != null ? e.getMessage() : "see the server log";
  }

  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class})
  ResponseEntity<Map<String, Object>> unknown() {
    return notFound();
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    // the problem sits at the root: the same {path, message} shape as every other refused body
    return ResponseEntity.badRequest().body(LegacyController.ordered("error", "Invalid JSON body", "details", detail(e),
        "problems", problems(List.of(new Problem("", "the body is not valid JSON")))));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(415).body(LegacyController.ordered("error", "Unsupported content type", "details", detail(e)));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(413).body(LegacyController.ordered("error", "File too large", "details", detail(e)));
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Map<String, Object>> multipart(MultipartException e) {
    return ResponseEntity.badRequest().body(LegacyController.ordered("error", "No files uploaded", "details", detail(e)));
  }

  /** The client went away (a closed event stream): there is no one to answer. */
  @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  void clientGone() {
    // nothing to send
  }

  /**
   * The fleet's Redis is down or cut off: the request may succeed in a moment, so 503 with a
   * Retry-After (one log line: the outage itself is logged once by the Redis connection).
   */
  @ExceptionHandler(dev.smelter.video.server.queue.QueueUnavailableException.class)
  ResponseEntity<Map<String, Object>> queueUnavailable(dev.smelter.video.server.queue.QueueUnavailableException e) {
    LOG.fine(() -> "request refused: " + e.getMessage());
    return ResponseEntity.status(503).header("Retry-After", "5").body(LegacyController.ordered("error", "Service temporarily unavailable",
        "details", "the job queue cannot be reached; try again shortly (GET /health/ready says when it is back)"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> internal(Exception e) {
    LOG.log(Level.WARNING, "request failed", e);
    return ResponseEntity.internalServerError().body(LegacyController.ordered("error", "Internal server error", "details", detail(e)));
  }
}
