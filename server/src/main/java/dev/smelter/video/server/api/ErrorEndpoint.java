package dev.smelter.video.server.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container forwards failures that no handler answered (an
 * unreadable request line, a filter's error). Asked for directly it is an unknown endpoint (404),
 * not Spring's default 500 with an empty status; forwarded, it answers the container's status in
 * the legacy error shape. Replaces Spring Boot's BasicErrorController.
 */
@RestController
class ErrorEndpoint implements ErrorController {
  @RequestMapping("/error")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) || code < 400 || code > 599) {
      return Errors.notFound();
    }
    HttpStatus status = HttpStatus.resolve(code);
    String reason = status == null ? "Error" : status.getReasonPhrase();
    return ResponseEntity.status(code).body(LegacyController.ordered("error", code >= 500 ? "Internal server error" : reason));
  }
}
