import io.tracewire.analytics.cli.AnalyticsMain;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs the report command in this JVM, then prints its exit code, the peak heap (the sum of each
 * heap pool's peak, an upper bound of the true peak) and the collections, for AnalyticsBench.
 */
public final class HeapReportingMain {

  public static void main(String[] args) {
    int code = AnalyticsMain.run(args, System.out, System.err, false);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long collections = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collections += Math.max(0, gc.getCollectionCount());
    }
    System.out.println("bench: exit=" + code + " peak-heap-bytes=" + peak + " collections=" + collections);
    System.exit(code);
  }
}
