package dev.sumoclient.users.internal;

import feign.Contract;
import feign.MethodMetadata;
import java.util.List;

/**
 * Feign's default contract, except that {@code %2F} in an expanded path parameter stays encoded.
 *
 * <p>The generated interface uses {@code @RequestLine} with its default {@code decodeSlash = true},
 * which would turn an id such as {@code a/b} back into two path segments.
 */
final class EncodedSlashContract implements Contract {
  private final Contract delegate = new Contract.Default();

  @Override
  public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
    List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
    for (MethodMetadata method : methods) {
      method.template().decodeSlash(false);
    }
    return methods;
  }
}
