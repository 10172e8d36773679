package org.fujie.bench.xades;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The unsigned XML the XAdES benchmark signs: a data catalogue in one default namespace, records with attributes, text in
 * Chinese and English, numbers, a few nested lists, indented with new lines (as exported by a real system, not minified).
 * The same size gives the same bytes (fixed seed), so runs compare.
 */
final class XmlCatalogue {

    private static final String NAMESPACE = "urn:fujie:bench:catalogue";
    private static final String[] CATEGORIES = {"交通", "教育", "医疗卫生", "环境", "财政", "人口", "气象", "文化旅游"};
    private static final String[] PUBLISHERS = {"北京市朝阳区数据局", "上海市大数据中心", "深圳市政务服务数据管理局",
            "杭州市数据资源管理局", "成都市网络理政中心", "广州市政务服务数据管理局"};
    private static final String[] SUBJECTS = {"城市公共交通线路", "中小学学位", "医疗机构床位", "空气质量监测", "政府采购合同",
            "常住人口抽样", "逐时降水量", "景区客流"};
    private static final String[] ENGLISH = {"public transport routes", "school places", "hospital beds", "air quality readings",
            "procurement contracts", "resident sample", "hourly rainfall", "visitor counts"};
    private static final String[] SENTENCES = {"本数据集按月更新，字段含义见附录。", "数据经脱敏处理，不含个人身份信息。",
            "Values are reported in local time (UTC+8).", "统计口径自2024年起调整，历史数据已回溯。",
            "Coordinates use CGCS2000; convert before mixing with WGS84 sources.", "如发现数据质量问题，请通过开放平台反馈。",
            "Counts below 5 are suppressed for privacy.", "接口调用频率上限为每分钟600次。"};
    private static final String[] KEYWORDS = {"开放数据", "open-data", "统计", "API", "月报", "地理信息", "CSV", "实时"};

    private XmlCatalogue() {
    }

    /** A catalogue of about {@code targetBytes} UTF-8 bytes (whole records, so a little more). */
    static byte[] of(int targetBytes) {
        SplittableRandom random = new SplittableRandom(20261203L + targetBytes);
        StringBuilder body = new StringBuilder(targetBytes + 2048);
        int records = 0;
        int bytes = 200;  // the declaration and root element, roughly
        while (bytes < targetBytes) {
            String record = record(++records, random);
            body.append(record);
            bytes += record.getBytes(StandardCharsets.UTF_8).length;
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<catalogue xmlns=\"" + NAMESPACE
                + "\" edition=\"2026-12\" records=\"" + records + "\" generator=\"Fujie XAdES benchmark\">\n" + body + "</catalogue>\n";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Records in the document: its count of record elements. */
    static int records(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = text.indexOf("<record "); at >= 0; at = text.indexOf("<record ", at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * The signed document with one text node changed: the first digit of the middle record's price, wherever the signer
     * put the record's attributes. Nothing else moves, so a verifier that accepts it did not check the data.
     */
    static byte[] tamper(byte[] signed) {
        String text = new String(signed, StandardCharsets.UTF_8);
        int records = records(signed);
        int record = text.indexOf("id=\"" + id(Math.max(1, records / 2)) + "\"");
        int price = text.indexOf("<price ", record);
        int digit = text.indexOf('>', price) + 1;
        if (record < 0 || price < 0 || !Character.isDigit(text.charAt(digit))) {
            throw new IllegalStateException("the signed document has no price in its middle record to change");
        }
        char changed = text.charAt(digit) == '9' ? '1' : (char) (text.charAt(digit) + 1);
        return (text.substring(0, digit) + changed + text.substring(digit + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static String id(int n) {
        return String.format(Locale.ROOT, "R-%06d", n);
    }

    private static String record(int n, SplittableRandom random) {
        int subject = random.nextInt(SUBJECTS.length);
        StringBuilder r = new StringBuilder(800);
        r.append(String.format(Locale.ROOT, "  <record id=\"%s\" category=\"%s\" updated=\"2026-%02d-%02d\" status=\"%s\">\n", id(n),
                CATEGORIES[random.nextInt(CATEGORIES.length)], 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(10) == 0 ? "withdrawn" : "active"));
        r.append(String.format(Locale.ROOT, "    <title lang=\"zh\">%s数据 第%d集</title>\n", SUBJECTS[subject], n));
        r.append(String.format(Locale.ROOT, "    <title lang=\"en\">%s, set %d</title>\n", capitalised(ENGLISH[subject]), n));
        r.append(String.format(Locale.ROOT, "    <publisher code=\"%06d\">%s</publisher>\n", 110000 + random.nextInt(900000),
                PUBLISHERS[random.nextInt(PUBLISHERS.length)]));
        r.append(String.format(Locale.ROOT, "    <distribution format=\"%s\" bytes=\"%d\" href=\"https://data.example.cn/d/%s.%s\"/>\n",
                random.nextBoolean() ? "CSV" : "JSON", 1000 + random.nextInt(50_000_000), id(n), random.nextBoolean() ? "csv" : "json"));
        r.append(String.format(Locale.ROOT, "    <price currency=\"CNY\">%d.%02d</price>\n", 1 + random.nextInt(9999), random.nextInt(100)));
        r.append("    <keywords>");
        for (int k = 0, count = 2 + random.nextInt(3); k < count; k++) {
            r.append("<keyword>").append(KEYWORDS[random.nextInt(KEYWORDS.length)]).append("</keyword>");
        }
        r.append("</keywords>\n    <description>");
        for (int s = 0, count = 2 + random.nextInt(3); s < count; s++) {
            r.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        r.append("</description>\n  </record>\n");
        return r.toString();
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
