package dev.sumoclient.users.internal;

import feign.Contract;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import org.jspecify.annotations.Nullable;

/**
 * Feign's default contract for the generated interface, changed in two ways that leave the wire as
 * the interface describes it.
 *
 * <p>First, {@code %2F} in an expanded path parameter stays encoded: the generated interface uses
 * {@code @RequestLine} with its default {@code decodeSlash = true}, which would turn an id such as
 * {@code a/b} back into two path segments.
 *
 * <p>Second, the constant {@code Accept} and {@code Content-Type} headers each method declares (in
 * {@code @Headers}) are taken out of Feign's request template and handed to the transport, which
 * sets them as constants. Left in the template, Feign expands them, copies them into fresh maps
 * several times and hands them over as a map on every call. A header whose value is an expression
 * stays with Feign. The transport sets the constants first, in the order Feign's sorted header map
 * gave them, so every request carries the same headers as before, in the same order ({@code
 * OperationsWireTest.everyOperationSendsExactlyTheAcceptAndContentTypeOfTheDescription}).
 */
final class WireContract implements Contract {
  /**
   * The constant headers one method declares, set by the transport.
   *
   * @param accept the {@code Accept} value, or null when the method declares none
   * @param contentType the {@code Content-Type} of a body, or null when the method declares none
   */
  record ConstantHeaders(@Nullable String accept, @Nullable MediaType contentType) {
    static final ConstantHeaders NONE = new ConstantHeaders(null, null);
  }

  private final Contract delegate = new Contract.Default();
  private volatile Map<String, ConstantHeaders> byConfigKey = Map.of();

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
    Map<String, ConstantHeaders> constants = new HashMap<>(byConfigKey);
    for (MethodMetadata method : methods) {
      if (method.urlIndex() != null) {
        // The target prefixes every request with the current base URL; it never reads a URL
        // argument.
        throw new IllegalStateException(
            method.configKey() + " takes a URL argument, which this client does not support");
      }
      RequestTemplate template = method.template();
      template.decodeSlash(false);
      String accept = takeConstant(template, "Accept");
      String contentType = takeConstant(template, "Content-Type");
      constants.put(
          method.configKey(),
          new ConstantHeaders(accept, contentType == null ? null : MediaType.get(contentType)));
    }
    byConfigKey = Map.copyOf(constants);
    return methods;
  }

  /**
   * Returns the constant headers of the method a request was built for.
   *
   * @param request a request built from one of the parsed methods
   * @return its constant headers, none for a request this contract did not parse
   */
  ConstantHeaders constantHeaders(Request request) {
    RequestTemplate template = request.requestTemplate();
    MethodMetadata method = template == null ? null : template.methodMetadata();
    if (method == null) {
      return ConstantHeaders.NONE;
    }
    return byConfigKey.getOrDefault(method.configKey(), ConstantHeaders.NONE);
  }

  /** Removes a header with one literal value from the template and returns that value. */
  private static @Nullable String takeConstant(RequestTemplate template, String name) {
    Collection<String> values = template.headers().get(name);
    if (values == null || values.size() != 1) {
      return null;
    }
    String value = values.iterator().next();
    if (value == null || value.indexOf('{') >= 0) {
      return null;
    }
    template.removeHeader(name);
    return value;
  }
}
