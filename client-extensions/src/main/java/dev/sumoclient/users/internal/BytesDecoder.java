package dev.sumoclient.users.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import feign.Response;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Decodes JSON bodies straight from their bytes.
 *
 * <p>Feign's {@code JacksonDecoder} reads through a {@code Reader}: an 8 KiB char buffer per call
 * and a char-based parser, measurably slower than Jackson's byte parser on the 1,000-user pages the
 * client reads (docs/benchmarks.md). The body is already in memory (the transport reads it fully
 * before the quota permit is returned), so reading it as bytes costs no copy.
 */
public final class BytesDecoder implements Decoder {
  private final ObjectMapper mapper;

  /**
   * Creates a decoder on the client's mapper.
   *
   * @param mapper the mapper, shared by all calls
   */
  public BytesDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads the body as JSON of the given type; an empty body, a 204 or a {@code void} type gives
   * null.
   *
   * @param response the response, body fully in memory
   * @param type the type to read
   * @return the value, or null when there is none
   * @throws IOException when the body is not JSON of that type
   */
  @Override
  public @Nullable Object decode(Response response, Type type) throws IOException {
    Response.Body body = response.body();
    if (body == null || type == void.class || type == Void.class || response.status() == 204) {
      return null;
    }
    Integer length = body.length();
    if (length != null && length == 0) {
      return null;
    }
    InputStream in = body.asInputStream();
    if (length == null) {
      PushbackInputStream peek = new PushbackInputStream(in, 1);
      int first = peek.read();
      if (first == -1) {
        return null;
      }
      peek.unread(first);
      in = peek;
    }
    try (InputStream source = in) {
      return mapper.readValue(source, mapper.constructType(type));
    } catch (RuntimeJsonMappingException e) {
      if (e.getCause() instanceof JsonProcessingException json) {
        throw notTheExpectedJson(response, json);
      }
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    } catch (JsonProcessingException e) {
      throw notTheExpectedJson(response, e);
    }
  }

  /**
   * Says what came back instead of the JSON expected, as the error path does for other statuses:
   * the status, the content type and the start of the body, redacted; the parser's own message
   * (which reads like a stack trace to someone whose proxy sent an HTML page) stays in the cause.
   */
  private static DecodeException notTheExpectedJson(Response response, Exception cause)
      throws IOException {
    Attempt attempt = Attempt.current();
    String contentType = attempt == null ? null : attempt.contentType();
    byte[] bytes;
    try (InputStream again = response.body().asInputStream()) {
      bytes = again.readAllBytes();
    }
    String snippet =
        Redaction.snippet(bytes, attempt == null ? java.util.List.of() : attempt.secrets());
    return new DecodeException(
        response.status(),
        "HTTP "
            + response.status()
            + " with "
            + (contentType == null ? "no Content-Type" : "Content-Type " + contentType)
            + " is not the JSON expected; the body starts: "
            + (snippet == null ? "(empty)" : snippet),
        response.request(),
        cause);
  }
}
