package dev.smelter.video.server.api;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written OpenAPI document (kept next to the code it describes). */
@RestController
class OpenApiController {
  private final byte[] document;

  OpenApiController() throws IOException {
    try (InputStream in = OpenApiController.class.getResourceAsStream("/static-docs/openapi.yaml")) {
      this.document = in.readAllBytes();
    }
  }

  @GetMapping("/openapi.yaml")
  ResponseEntity<byte[]> openapi() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(document);
  }
}
