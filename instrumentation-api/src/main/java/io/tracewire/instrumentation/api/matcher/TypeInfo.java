package io.tracewire.instrumentation.api.matcher;

import java.util.List;

/**
 * What a type matcher may ask about a class that is being loaded. It is read from the class file:
 * nothing is loaded to answer, so matching never changes the order in which an application's
 * classes load.
 */
public interface TypeInfo {

  /** The binary name, e.g. {@code org.h2.jdbc.JdbcStatement}. */
  String name();

  boolean isInterface();

  /** The methods the class file declares (not inherited ones). */
  List<MethodInfo> declaredMethods();

  /**
   * Whether this type is, extends or implements the named type at any depth. Supertypes are read
   * from the class files of the type's class loader.
   */
  boolean isSubtypeOf(String typeName);
}
