package io.shoudan.server.cli;

import io.shoudan.store.database.Database;
import io.shoudan.store.database.DatabaseConfig;
import io.shoudan.store.database.JdbcUrl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure a user can cause, command by command: one line on stderr naming the cause (the option, the port, the
 * path, the setting) in English and Chinese, nothing on stdout, no stack trace or Java name, and a non-zero exit — 2
 * for input refused, 1 for a world the command cannot work in.
 */
class CommandFailureTest {

    @TempDir
    static Path dir;

    static ServerSocket busy;
    static Path notAFolder;
    static FileChannel lockedFile;
    static FileLock lock;

    @BeforeAll
    static void prepareTheWorldsTheCommandsFail() throws IOException, SQLException {
        busy = new ServerSocket(0);
        notAFolder = Files.writeString(dir.resolve("a-file"), "not a folder");
        Files.writeString(dir.resolve("infinity.json"), "{\"payment\": {\"amount\": Infinity}}");
        try (Database older = Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("older"))))) {
            older.dsl().execute("DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT MAX(installed_rank) FROM flyway_schema_history)");
        }
        DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("empty")).close();
        Database.open(DatabaseConfig.of(new JdbcUrl("jdbc:h2:file:" + dir.resolve("served")))).close();
        // What a running serve holds on its embedded file.
        lockedFile = FileChannel.open(dir.resolve("served.mv.db"), StandardOpenOption.READ, StandardOpenOption.WRITE);
        lock = lockedFile.lock();
    }

    @AfterAll
    static void releaseThem() throws IOException {
        lock.release();
        lockedFile.close();
        busy.close();
    }

    @ParameterizedTest(name = "{0} → exit {1}: {2}")
    @Timeout(60)
    @CsvSource(delimiter = '|', textBlock = """
            diagnose --scenario {dir}/infinity.json                      | 2 | infinity.json: not valid JSON: Non-standard token 'Infinity' (line 1, column 32) | 不是有效的 JSON（第 1 行第 32 列）
            diagnose --scenario {dir}/nowhere.json                       | 2 | nowhere.json: cannot read the file: {dir}/nowhere.json: no such file or folder | 无法读取该文件
            diagnose --scenario x.json --lang fr                         | 2 | --lang: "fr" is not a language: zh or en             | 不是可用的语言
            diagnose --terminal T-1 --method ALIPAY --amount 1 --at tomorrow | 2 | --at: "tomorrow" is not a time: give 2026-11-23T14:30:00+08:00 | 不是有效时间
            diagnose --terminal T-1 --method PAYPAL --amount 1           | 2 | --method: "PAYPAL" is not one of ALIPAY              | 不是可用的支付方式
            diagnose --payment P-1 --db {dir}/missing                    | 1 | there is no store at {dir}/missing.mv.db             | 该位置没有数据库
            diagnose --payment P-1 --db {dir}/served                     | 1 | is open in another process                           | 正被另一个进程
            diagnose --payment P-1 --db {dir}/empty                      | 1 | holds no Shoudan store                               | 没有 Shoudan 数据
            diagnose --payment P-1 --db jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2 | 1 | cannot connect to the store at jdbc:postgresql://127.0.0.1:1/test | 无法连接数据库
            ledger check --db {dir}/missing                              | 1 | there is no store at {dir}/missing.mv.db             | 该位置没有数据库
            ledger check --db {dir}/older                                | 1 | is at schema V12, this Shoudan needs V13: run `./shoudan serve` | 较旧
            ledger check --db {dir}/served                               | 1 | AUTO_SERVER=TRUE                                     | 正被另一个进程
            ledger check --db jdbc:mysql://db/shoudan                    | 2 | --db: "jdbc:mysql://db/shoudan" is not a supported JDBC URL | 不支持的数据库地址
            serve --port8583 {busy} --sandbox-port 0 --data {dir}/serve  | 1 | --port8583: port {busy} is in use by another program | 已被其他程序占用
            serve --port8583 0 --sandbox-port {busy} --data {dir}/serve  | 1 | --sandbox-port: port {busy} is in use                | 已被其他程序占用
            serve --port8583 0 --sandbox-port 0 --data {file}            | 1 | --data: cannot write the folder {file}               | 无法写入目录
            serve --port8583 0 --sandbox-port 0 --data {dir}/serve --db jdbc:h2:file:{file}/store | 1 | the store file {file}/store.mv.db cannot be written | 不可写
            serve --port8583 70000 --sandbox-port 0 --data {dir}/serve   | 2 | --port8583: 70000 is not a port (0 to 65535)         | 不是有效端口
            serve --recover-every 0 --data {dir}/serve                   | 2 | --recover-every must be a positive number of seconds | 必须为正的秒数
            sandbox --port {busy} --data {dir}/sandbox                   | 1 | --port: port {busy} is in use                        | 已被其他程序占用
            sandbox --port 0 --data {file}/keys                          | 1 | --data: cannot write the folder {file}/keys          | 无法写入目录
            demo --data {file}                                           | 1 | --data: cannot write the folder {file}/demo          | 无法写入目录
            demo --sales 5                                               | 2 | --sales: must be from 100 to 200000, got 5           | 必须在 100 到 200000 之间
            demo --seed abc                                              | 2 | --seed: 'abc' is not a long                          | 命令行参数有误
            """)
    void aFailureTheUserCausedIsOneLineInEnglishAndChineseNamingItsCause(String command, int exit, String english, String chinese) {
        Cli cli = Cli.run(Arrays.stream(command.split(" ")).map(CommandFailureTest::placed).toArray(String[]::new));

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(exit);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.errLines()).singleElement().asString()
                .contains(placed(english)).contains(chinese)
                .doesNotContain("at io.", "Exception", "java.", "record[", "REDACTED");
    }

    /** {@code {dir}/x} as an H2 URL after {@code --db}, a path elsewhere; {@code {busy}} the port in use, {@code {file}} a file. */
    private static String placed(String text) {
        String withPort = text.replace("{busy}", Integer.toString(busy.getLocalPort())).replace("{file}", notAFolder.toString());
        return withPort.matches("\\{dir}/(missing|served|empty|older)")
                ? "jdbc:h2:file:" + dir.resolve(withPort.substring("{dir}/".length()))
                : withPort.replace("{dir}", dir.toString());
    }
}
