#include "ingest/documents/pst_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "ingest/documents/document_test_util.h"
#include "ingest/format.h"

namespace breachscope {
namespace {

// tests/data/pst/ is written by tools/make_pst_fixture.py (beside, not in,
// tests/data/documents/, whose every file the documents e2e test scans).
std::string Pst(const std::string& name) { return ReadFixture("../pst/" + name); }

struct Children : public ArchiveVisitor {
  void OnMember(std::string_view path, std::string_view bytes) override {
    members.emplace_back(std::string(path), std::string(bytes));
  }
  void OnMemberError(std::string_view path, const Status& reason) override {
    errors.emplace_back(std::string(path), reason);
  }
  std::vector<std::pair<std::string, std::string>> members;
  std::vector<std::pair<std::string, Status>> errors;
};

std::vector<std::string> FieldsAt(const DocumentSink& sink, const std::string& label) {
  std::vector<std::string> out;
  for (const DocUnit& u : sink.units) {
    if (u.kind == UnitKind::kField && u.label == label) out.push_back(u.path + "=" + u.text);
  }
  return out;
}

TEST(PstReaderTest, SniffedFromContentNotName) {
  const std::string pst = Pst("mail.pst");
  ASSERT_GT(pst.size(), 4096u);
  EXPECT_EQ(SniffFormat(pst.substr(0, 4096), "backup.dat").format, Format::kPst);
  EXPECT_TRUE(LooksLikePst(pst));
  EXPECT_FALSE(LooksLikePst("From a@b.c\n"));
}

TEST(PstReaderTest, FoldersMessagesAndSubjects) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, &children, IngestOptions{}).ok());
  // Folder path and message number lead every path; records count messages.
  EXPECT_EQ(FieldsAt(sink, "subject"),
            (std::vector<std::string>{
                "Inbox/1/subject=Lab results for Renee Ouellet",
                "Inbox/2/subject=Bloodwork for Nadia Poirier",
                "Inbox/Referrals/1/subject=Referral: Marc Lavoie",
                "Inbox/Referrals/1/Requisition for Marc Lavoie/subject=Requisition for Marc Lavoie"}));
  EXPECT_EQ(sink.record_ends, (std::vector<int64_t>{0, 1, 2}));
  EXPECT_EQ(FieldsAt(sink, "date"),
            (std::vector<std::string>{
                "Inbox/1/date=2024-03-04T14:30:00Z", "Inbox/2/date=2024-03-05T09:15:00Z",
                "Inbox/Referrals/1/date=2024-03-06T11:02:00Z",
                "Inbox/Referrals/1/Requisition for Marc Lavoie/date=2024-03-01T08:01:00Z"}));
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings.front();
}

TEST(PstReaderTest, SenderAndRecipientsByType) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, nullptr, IngestOptions{}).ok());
  std::vector<std::string> first;
  for (const DocUnit& u : sink.units) {
    if (u.record == 0 && u.kind == UnitKind::kField && u.label != "subject" && u.label != "date") {
      first.push_back(u.label + " " + u.path + "=" + u.text);
    }
  }
  EXPECT_EQ(first, (std::vector<std::string>{
                       "from.name Inbox/1/from[1].name=Dr. Paul Gagnon",
                       "from.email Inbox/1/from[1].email=p.gagnon@clinic.example.org",
                       "to.name Inbox/1/to[1].name=Renee Ouellet",
                       "to.email Inbox/1/to[1].email=renee.ouellet@example.com",
                       // A role mailbox, labelled as such (see email_reader.h).
                       "cc.mailbox Inbox/1/cc[1].name=Clinic Desk",
                       "cc.email Inbox/1/cc[1].email=desk@clinic.example.org",
                   }));
}

TEST(PstReaderTest, PlainBodyAndHtmlBodyAsText) {
  DocumentSink sink;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, nullptr, IngestOptions{}).ok());
  const DocUnit* plain = sink.At("Inbox/1/body");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->kind, UnitKind::kText);
  EXPECT_NE(plain->text.find("Saskatchewan HSN 731 204 865"), std::string::npos) << plain->text;
  EXPECT_EQ(plain->record, 0);
  // The second message has only an HTML body: its text, without the markup.
  std::string html;
  for (const DocUnit& u : sink.units) {
    if (u.path == "Inbox/2/body") html += u.text + "\n";
  }
  EXPECT_NE(html.find("You can reach me at 306-555-0188."), std::string::npos) << html;
  EXPECT_EQ(html.find('<'), std::string::npos) << html;
}

TEST(PstReaderTest, AttachmentNamedByFolderAndMessage) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, &children, IngestOptions{}).ok());
  ASSERT_EQ(children.members.size(), 1u);
  EXPECT_EQ(children.members[0].first, "Inbox/2/lab.csv");
  EXPECT_EQ(children.members[0].second,
            "name,date_of_birth,email,health_number\r\n"
            "Nadia Poirier,1979-06-21,nadia.poirier@example.com,482 193 756\r\n");
  EXPECT_TRUE(children.errors.empty());
}

// An attached message is read in place, as part of the message it is
// attached to (same record), under the attachment's name.
TEST(PstReaderTest, AttachedMessageReadInPlace) {
  DocumentSink sink;
  Children children;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, &children, IngestOptions{}).ok());
  const std::string at = "Inbox/Referrals/1/Requisition for Marc Lavoie/";
  std::vector<std::string> got;
  for (const DocUnit& u : sink.units) {
    if (u.path.rfind(at, 0) == 0) {
      got.push_back(std::to_string(u.record) + " " + u.path.substr(at.size()) + "=" + u.text);
    }
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "2 from[1].name=Regina Lab Desk",
                     "2 from[1].email=lab.desk@example.org",
                     "2 to[1].name=Dr. Claire Bouchard",
                     "2 to[1].email=claire.bouchard@example.org",
                     "2 subject=Requisition for Marc Lavoie",
                     "2 date=2024-03-01T08:01:00Z",
                     "2 body=Marc Lavoie's requisition: lipid panel. Reach him at 306-555-0144.",
                 }));
  EXPECT_TRUE(children.errors.empty());
}

TEST(PstReaderTest, AttachedMessagesNestNoDeeperThanTheLimit) {
  DocumentSink sink;
  Children children;
  IngestOptions options;
  options.max_archive_depth = 0;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, &children, options).ok());
  ASSERT_EQ(children.errors.size(), 1u);
  EXPECT_EQ(children.errors[0].first, "Inbox/Referrals/1/Requisition for Marc Lavoie");
  EXPECT_EQ(children.errors[0].second.code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(sink.At("Inbox/Referrals/1/Requisition for Marc Lavoie/subject"), nullptr);
}

TEST(PstReaderTest, AttachmentOverTheMemberLimitIsAnError) {
  DocumentSink sink;
  Children children;
  IngestOptions options;
  options.max_member_bytes = 64;
  ASSERT_TRUE(ReadPst(Pst("mail.pst"), sink, &children, options).ok());
  EXPECT_TRUE(children.members.empty());
  ASSERT_EQ(children.errors.size(), 1u);
  EXPECT_EQ(children.errors[0].first, "Inbox/2/lab.csv");
  EXPECT_EQ(children.errors[0].second.code(), StatusCode::kLimitExceeded);
  // The messages themselves are still read.
  EXPECT_EQ(sink.record_ends.size(), 3u);
}

TEST(PstReaderTest, DamagedInputIsCorruptNotACrash) {
  const std::string pst = Pst("mail.pst");
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::string bad_tree = pst;
  bad_tree.replace(0x4800, 512, std::string(512, '\xAB'));  // the first B-tree page
  const Case cases[] = {
      {"truncated fixture", Pst("mail_truncated.pst")},
      {"header only", pst.substr(0, 564)},
      {"magic only", "!BDN"},
      {"garbage B-tree page", bad_tree},
  };
  for (const Case& c : cases) {
    DocumentSink sink;
    Children children;
    Status status = ReadPst(c.bytes, sink, &children, IngestOptions{});
    EXPECT_EQ(status.code(), StatusCode::kCorrupt) << c.what;
    EXPECT_NE(status.message().find("PST/OST"), std::string::npos) << c.what << ": " << status.message();
  }
}

TEST(PstReaderTest, TruncationIsNamedInTheReason) {
  DocumentSink sink;
  Status status = ReadPst(Pst("mail_truncated.pst"), sink, nullptr, IngestOptions{});
  EXPECT_EQ(status.message(),
            "PST/OST mailbox has no root folder (truncated: 18632 of 30720 bytes)");
  EXPECT_TRUE(sink.units.empty());
}

}  // namespace
}  // namespace breachscope
