package io.tracewire.testing.scenarios;

import io.tracewire.testing.library.Message;
import io.tracewire.testing.library.Pipeline;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Uses the stand-in library that the test extension instruments with linked interceptors, and two
 * JDK classes of named modules it weaves. Arguments: {@code use}, or {@code drop <library path>}
 * to load the library in fresh class loaders, use and drop them, and report how many were
 * collected.
 */
public final class LinkedLibraryScenario {

  private static final int ROUNDS = 50;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("drop")) {
      dropLoaders(Path.of(args[1]).toUri().toURL());
      return;
    }
    Pipeline pipeline = new Pipeline();
    System.out.println("handlers=" + pipeline.handlerCount());
    System.out.println("sent: " + pipeline.send(new Message("hello")));
    Adler32 checksum = new Adler32();
    checksum.update(new byte[] {1, 2, 3});
    System.out.println("adler32=" + checksum.getValue());
    System.out.println("request=" + HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/x")).build().uri());
  }

  private static void dropLoaders(URL library) throws Exception {
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    int audited = 0;
    for (int round = 0; round < ROUNDS; round++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {library}, ClassLoader.getPlatformClassLoader());
      Class<?> pipelineType = loader.loadClass(Pipeline.class.getName());
      Class<?> messageType = loader.loadClass(Message.class.getName());
      Object pipeline = pipelineType.getConstructor().newInstance();
      Object message = messageType.getConstructor(String.class).newInstance("round " + round);
      String sent = (String) pipelineType.getMethod("send", messageType).invoke(pipeline, message);
      if (sent.contains("audited traceparent=00-")) {
        audited++;
      } else if (round == 0) {
        System.out.println("not audited: " + sent);
      }
      loader.close();
      loaders.add(new WeakReference<>(loader));
    }
    System.out.println("audited=" + audited + "/" + ROUNDS);
    System.out.println("collected=" + DroppedLoaders.collected(loaders) + "/" + ROUNDS);
  }
}
