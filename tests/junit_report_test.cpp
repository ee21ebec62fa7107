// JUnit XML checked the way CI systems read it: valid against the common schema, counts
// that add up, the measured figure in every failure.
#include "reports/junit_report.hpp"

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>

#include "tests/sample_result.hpp"

namespace lmlab {
namespace {

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

Document parse(const std::string& xml) {
  return Document(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr,
                                XML_PARSE_NONET),
                  &xmlFreeDoc);
}

// Validation errors, one per line; empty when the document is valid.
std::string schema_errors(xmlDoc* document) {
  const std::string schema_file = std::string(LMLAB_SOURCE_DIR) + "/tests/data/junit.xsd";
  std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
      xmlSchemaNewParserCtxt(schema_file.c_str()), &xmlSchemaFreeParserCtxt);
  std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()),
                                                              &xmlSchemaFree);
  if (!schema) return "cannot load " + schema_file;
  std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
      xmlSchemaNewValidCtxt(schema.get()), &xmlSchemaFreeValidCtxt);
  std::string errors;
  xmlSchemaSetValidStructuredErrors(
      validator.get(),
      [](void* context, xmlErrorPtr error) {
        *static_cast<std::string*>(context) += error->message ? error->message : "?";
      },
      &errors);
  if (xmlSchemaValidateDoc(validator.get(), document) != 0 && errors.empty()) errors = "invalid";
  return errors;
}

// The string value of an XPath expression, e.g. "count(//failure)" or "string(//@name)".
std::string xpath(xmlDoc* document, const std::string& expression) {
  std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(
      xmlXPathNewContext(document), &xmlXPathFreeContext);
  std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> value(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expression.c_str()), context.get()),
      &xmlXPathFreeObject);
  if (!value) return "(no value)";
  xmlChar* text = xmlXPathCastToString(value.get());
  std::string result = reinterpret_cast<const char*>(text);
  xmlFree(text);
  return result;
}

TEST(JunitReport, ValidAgainstTheCommonSchema) {
  const Result result = sample_result();
  const Document document = parse(render_junit_report({&result, &result}));
  ASSERT_TRUE(document);
  EXPECT_EQ(schema_errors(document.get()), "");
}

TEST(JunitReport, ASuitePerRunATestcasePerExpectation) {
  Result naive = sample_result();
  naive.scenario.cluster.strategy = StrategyKind::naive;
  naive.seed = 2;
  const Result result = sample_result();
  const Document document = parse(render_junit_report({&result, &naive}));
  ASSERT_TRUE(document);
  EXPECT_EQ(xpath(document.get(), "count(/testsuites/testsuite)"), "2");
  EXPECT_EQ(xpath(document.get(), "count(//testsuite[1]/testcase)"), "2");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/@name)"),
            "tcp-survival (naive, ns3, seed 2)");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[1]/testcase[1]/@name)"),
            "max_downtime vm1 probe client-to-vm");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[1]/testcase[1]/@classname)"),
            "lmlab.tcp-survival");
  EXPECT_EQ(xpath(document.get(), "string(/testsuites/@tests)"), "4");
  EXPECT_EQ(xpath(document.get(), "string(/testsuites/@failures)"), "2");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[1]/@failures)"), "1");
  EXPECT_EQ(xpath(document.get(), "count(//failure)"), "2");
  EXPECT_EQ(
      xpath(document.get(), "string(//testsuite[1]/properties/property[@name='strategy']/@value)"),
      "kube-ovn");
}

TEST(JunitReport, FailureMessagesCarryTheMeasuredFigure) {
  const Result result = sample_result();
  const Document document = parse(render_junit_report({&result}));
  ASSERT_TRUE(document);
  EXPECT_EQ(xpath(document.get(), "string(//failure/@message)"),
            "measured false (connection failed at 5.123s), expected true");
  EXPECT_EQ(xpath(document.get(), "string(//failure/@type)"), "tcp_survives");
  // Passing testcases show what was measured too.
  EXPECT_EQ(xpath(document.get(), "string(//testcase[1]/system-out)"),
            "measured 20ms, expected <= 50ms");
}

// JUnit's error, not a failure: the run could not be carried out, no expectation was judged.
TEST(JunitReport, ARunThatCouldNotRunIsAnError) {
  const Result result = sample_result();
  const FailedRun failed{
      1, "tcp-survival", "naive", "ovn", 2, "ovn-controller failed to start: <log> & \"more\""};
  const Document document = parse(render_junit_report({&result}, {failed}));
  ASSERT_TRUE(document);
  EXPECT_EQ(schema_errors(document.get()), "");
  EXPECT_EQ(xpath(document.get(), "count(/testsuites/testsuite)"), "2");
  EXPECT_EQ(xpath(document.get(), "string(/testsuites/@tests)"), "3");
  EXPECT_EQ(xpath(document.get(), "string(/testsuites/@failures)"), "1");
  EXPECT_EQ(xpath(document.get(), "string(/testsuites/@errors)"), "1");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[1]/@errors)"), "0");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/@name)"),
            "tcp-survival (naive, ovn, seed 2)");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/@tests)"), "1");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/@errors)"), "1");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/@failures)"), "0");
  EXPECT_EQ(xpath(document.get(), "count(//testsuite[2]//failure)"), "0");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/testcase/@classname)"),
            "lmlab.tcp-survival");
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/testcase/error/@message)"), failed.error);
  EXPECT_EQ(xpath(document.get(), "string(//testsuite[2]/testcase/error)"), failed.error);
  EXPECT_EQ(
      xpath(document.get(), "string(//testsuite[2]/properties/property[@name='backend']/@value)"),
      "ovn");
}

TEST(JunitReport, MarkupInNamesAndMessagesIsEscaped) {
  Result result = sample_result();
  result.scenario.name = "a<b>&\"c\"";
  result.expectations[1].measured = "</failure><oops/>";
  const std::string xml = render_junit_report({&result});
  EXPECT_EQ(xml.find("<oops/>"), std::string::npos);
  const Document document = parse(xml);
  ASSERT_TRUE(document);
  EXPECT_EQ(schema_errors(document.get()), "");
  EXPECT_EQ(xpath(document.get(), "string(//testcase[1]/@classname)"), "lmlab.a<b>&\"c\"");
  EXPECT_EQ(xpath(document.get(), "string(//failure/@message)"),
            "measured </failure><oops/>, expected true");
}

}  // namespace
}  // namespace lmlab
