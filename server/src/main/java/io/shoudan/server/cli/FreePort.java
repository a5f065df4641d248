package io.shoudan.server.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port a command is about to listen on, tried before the command opens its store or recovers anything: one in use
 * is refused on one line naming the option and the port. The listener's own bind failure still says the same
 * (without the option) if another program takes the port in between.
 */
final class FreePort {

    private FreePort() {
    }

    /**
     * @param option the option that chose the port ({@code --port8583}, {@code --sandbox-port}, {@code --port})
     * @param host   the address the command listens on; {@code null} for every interface
     * @param port   0 picks a free port when listening, and is not tried
     * @throws IllegalArgumentException when {@code port} is no port number
     * @throws IllegalStateException    when another program listens there
     */
    static void require(String option, String host, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(option + ": " + port + " is not a port (0 to 65535) / " + port + " 不是有效端口（0 到 65535）");
        }
        if (port == 0) {
            return;
        }
        try (ServerSocket trial = new ServerSocket()) {
            trial.setReuseAddress(true);
            trial.bind(host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException(option + ": port " + port + " is in use by another program (or not allowed): stop it or"
                    + " choose another port, 0 for any free one / 端口 " + port + " 已被其他程序占用（或无权使用）：请停止该程序或换一个端口，0 表示任选空闲端口");
        }
    }
}
