package io.tracewire.testing.scenarios;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

/** Spring {@code @Async} methods called inside requests: their work belongs to the request. */
public final class SpringAsyncScenario {

  /** Runs its methods on Spring's default async executor. */
  public static class Worker {
    @Async
    public CompletableFuture<String> work(String label) {
      return CompletableFuture.completedFuture(Labels.step(label));
    }

    @Async
    public void fire(String label, CountDownLatch done) {
      Labels.step(label);
      done.countDown();
    }
  }

  @Configuration
  @EnableAsync
  public static class Config {
    @Bean
    public Worker worker() {
      return new Worker();
    }
  }

  public static void main(String[] args) throws Exception {
    Labels.step("start");
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Config.class)) {
      Worker worker = context.getBean(Worker.class);
      Labels.request("spring-async", () -> worker.work("spring-async").join());
      CountDownLatch done = new CountDownLatch(1);
      Labels.request("spring-async-void", () -> worker.fire("spring-async-void", done));
      ExecutorsScenario.await(done);
      // A chain of stages inside a request: every stage's work belongs to it.
      Labels.request(
          "chain",
          () ->
              worker
                  .work("chain")
                  .thenApplyAsync(x -> Labels.step("chain"))
                  .thenCompose(x -> worker.work("chain"))
                  .join());
    }
    System.out.println("done");
  }
}
