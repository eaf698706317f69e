package dev.smelter.video.server.api;

import dev.smelter.video.server.storage.Storage;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uploads in progress are spooled to {@code <data-dir>/tmp} instead of the servlet container's own
 * temporary folder, so {@code GET /disk-usage} can report them under the legacy {@code "/tmp"} key.
 * The other multipart settings ({@code spring.servlet.multipart.*}) apply unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadSpool {
  @Bean
  MultipartConfigElement multipartConfigElement(MultipartProperties multipart, Storage storage) {
    multipart.setLocation(storage.tmpDir().toString());
    return multipart.createMultipartConfig();
  }
}
