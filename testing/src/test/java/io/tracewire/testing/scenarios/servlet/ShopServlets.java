package io.tracewire.testing.scenarios.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The servlets and the filter every container scenario deploys under {@code /shop}, whatever the
 * container: only the Servlet API, so one set runs on Tomcat 10.1 and 11 and on Jetty 12.
 */
final class ShopServlets {

  static final String DB = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";

  private ShopServlets() {}

  static void createDatabase() throws SQLException {
    try (Connection connection = DriverManager.getConnection(DB, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(100))");
      statement.execute("INSERT INTO orders VALUES (7, 'alice'), (8, 'bob'), (9, 'carol')");
    }
  }

  /** {@code /orders/*}: one query for the order in the path. */
  static final class Orders extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      // An included servlet sees the including request's path; its own is an attribute.
      Object included = request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO);
      String path = included != null ? included.toString() : request.getPathInfo();
      int id = Integer.parseInt(path.substring(1));
      try (Connection connection = DriverManager.getConnection(DB, "sa", "");
          PreparedStatement query = connection.prepareStatement("SELECT customer FROM orders WHERE id = ?")) {
        query.setInt(1, id);
        try (ResultSet result = query.executeQuery()) {
          response.getWriter().print(result.next() ? result.getString(1) : "none");
        }
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  /** {@code /forward}: forwards to {@code /orders/7}. */
  static final class Forward extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      request.getRequestDispatcher("/orders/7").forward(request, response);
    }
  }

  /** {@code /include}: includes {@code /orders/8}. */
  static final class Include extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      response.getWriter().print("included: ");
      request.getRequestDispatcher("/orders/8").include(request, response);
    }
  }

  /** {@code /fail}: throws. */
  static final class Fail extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
      throw new ServletException("servlet failed on purpose");
    }
  }

  /** {@code /status/*}: answers the code in the path with {@code sendError}. */
  static final class Status extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      response.sendError(Integer.parseInt(request.getPathInfo().substring(1)));
    }
  }

  /**
   * {@code /async}: answers from another thread 300 ms after the servlet returned. {@code
   * /async-dispatch}: dispatches to {@code /orders/9} from another thread.
   */
  static final class Async extends HttpServlet {
    static final long DELAY_MS = 300;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      AsyncContext async = request.startAsync();
      boolean dispatch = request.getServletPath().equals("/async-dispatch");
      async.start(
          () -> {
            try {
              Thread.sleep(dispatch ? 50 : DELAY_MS);
              if (dispatch) {
                async.dispatch("/orders/9");
              } else {
                async.getResponse().getWriter().print("late");
                async.complete();
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    }
  }

  /** On every request: adds a response header, then goes on down the chain. */
  static final class Marking implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      ((HttpServletResponse) response).setHeader("X-Filtered", "yes");
      chain.doFilter(request, response);
    }
  }
}
