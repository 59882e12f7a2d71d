#include "ingest/documents/email_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ingest/documents/document_test_util.h"
#include "ingest/documents/mailbox_role.h"

namespace breachscope {
namespace {

struct Children : public ArchiveVisitor {
  void OnMember(std::string_view path, std::string_view bytes) override {
    members.emplace_back(std::string(path), std::string(bytes));
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    errors.emplace_back(path);
  }
  std::vector<std::pair<std::string, std::string>> members;
  std::vector<std::string> errors;
};

const char kLabCsv[] = "name,health_card,email\nNadia Poirier,123456789,nadia.poirier@example.com\n";

TEST(EmailReaderTest, EmlHeadersBodyAndAttachment) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadEml(ReadFixture("results.eml"), sink, &children).ok());
  struct Want {
    UnitKind kind;
    const char* label;
    const char* path;
    const char* text;
  };
  const Want want[] = {
      {UnitKind::kField, "from.name", "from[1].name", "Dr. Paul Gagnon"},
      {UnitKind::kField, "from.email", "from[1].email", "p.gagnon@clinic.example.org"},
      {UnitKind::kField, "to.name", "to[1].name", "Renée Ouellet"},
      {UnitKind::kField, "to.email", "to[1].email", "renee.ouellet@example.com"},
      {UnitKind::kField, "cc.mailbox", "cc[1].name", "Front Desk"},
      {UnitKind::kField, "cc.email", "cc[1].email", "desk@clinic.example.org"},
      {UnitKind::kField, "cc.mailbox", "cc[2].name", "Billing"},
      {UnitKind::kField, "cc.email", "cc[2].email", "billing@clinic.example.org"},
      {UnitKind::kField, "subject", "subject", "Your results"},
      // Only the plain version of the alternative bodies.
      {UnitKind::kText, "", "body", "Dear Renée, call us at 306-555-0166."},
  };
  ASSERT_EQ(sink.units.size(), std::size(want));
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(sink.units[i].kind, want[i].kind) << i;
    EXPECT_EQ(sink.units[i].label, want[i].label) << i;
    EXPECT_EQ(sink.units[i].path, want[i].path) << i;
    EXPECT_EQ(sink.units[i].text, want[i].text) << i;
    EXPECT_EQ(sink.units[i].record, -1) << i;
  }
  ASSERT_EQ(children.members.size(), 1u);
  EXPECT_EQ(children.members[0].first, "lab.csv");
  EXPECT_EQ(children.members[0].second, kLabCsv);
}

TEST(EmailReaderTest, MboxMessagesAreRecordsAndAttachmentsNamedByMessage) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadMbox(ReadFixture("inbox.mbox"), sink, &children).ok());
  EXPECT_EQ(sink.record_ends, (std::vector<int64_t>{0, 1}));
  ASSERT_EQ(children.members.size(), 1u);
  EXPECT_EQ(children.members[0].first, "1/lab.csv");
  EXPECT_EQ(children.members[0].second, kLabCsv);
  const DocUnit& last = sink.units.back();
  EXPECT_EQ(last.record, 1);
  EXPECT_EQ(last.path, "body");
  EXPECT_EQ(last.text, "Please move my appointment. My phone is 306-555-0188.");
  const DocUnit* from = sink.At("from[1].name");
  ASSERT_NE(from, nullptr);
  EXPECT_EQ(from->record, 0);
}

TEST(EmailReaderTest, RoleMailboxNamesAreNotPersonNames) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadMbox(ReadFixture("inbox.mbox"), sink, &children).ok());
  int to = 0;
  for (const DocUnit& unit : sink.units) {
    if (unit.path != "to[1].name") continue;
    ++to;
    if (unit.record == 0) {
      EXPECT_EQ(unit.label, "to.name") << unit.text;  // Renée Ouellet
    }
    if (unit.record == 1) {
      EXPECT_EQ(unit.text, "Lab Results");
      EXPECT_EQ(unit.label, "to.mailbox");
    }
  }
  EXPECT_EQ(to, 2);
}

TEST(MailboxRoleTest, RolesAndPeople) {
  for (const char* role : {"Front Desk", "Billing", "Lab Results", "RECEPTION", "Radiology Dept.",
                           "no-reply", "Accueil", "Résultats de laboratoire", "RÉCEPTION",
                           "Regina Clinic Team"}) {
    EXPECT_TRUE(IsRoleMailboxName(role)) << role;
  }
  for (const char* person : {"Renée Ouellet", "Dr. Paul Gagnon", "Nurse Lavoie", "Marie-Ève Roy",
                             "Gagnon, Paul", "Deskins Marie", "Labelle Anne", ""}) {
    EXPECT_FALSE(IsRoleMailboxName(person)) << person;
  }
}

TEST(EmailReaderTest, NullChildrenSkipsAttachments) {
  DocumentSink sink;
  EXPECT_TRUE(ReadEml(ReadFixture("results.eml"), sink, nullptr).ok());
  EXPECT_EQ(sink.units.size(), 10u);
}

TEST(EmailReaderTest, GarbageAndTruncationNeverCrash) {
  DocumentSink sink;
  Children children;
  EXPECT_EQ(ReadMbox("not a mailbox at all", sink, &children).code(), StatusCode::kCorrupt);
  // A truncated message still has its headers: read what is there.
  EXPECT_TRUE(ReadEml(ReadFixture("results_truncated.eml"), sink, &children).ok());
  EXPECT_NE(sink.At("from[1].email"), nullptr);
}

}  // namespace
}  // namespace breachscope
