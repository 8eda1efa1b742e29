using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BilingualMeetingTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each single-language column becomes the French one; the values written in Arabic script then move to the
            // new Arabic column, so no text is lost and each lands in the language it is written in.
            migrationBuilder.RenameColumn(name: "VenueText", table: "Meetings", newName: "VenueTextFr");
            migrationBuilder.RenameColumn(name: "ChairName", table: "Meetings", newName: "ChairNameFr");
            migrationBuilder.RenameColumn(name: "RepresentedBy", table: "MeetingInvitations", newName: "RepresentedByFr");
            migrationBuilder.RenameColumn(name: "Speaker", table: "AgendaItems", newName: "SpeakerFr");
            migrationBuilder.RenameColumn(name: "Speaker", table: "Interventions", newName: "SpeakerFr");
            migrationBuilder.RenameColumn(name: "Role", table: "Interventions", newName: "RoleFr");
            migrationBuilder.RenameColumn(name: "Text", table: "Decisions", newName: "TextFr");
            migrationBuilder.AlterColumn<string>(name: "SpeakerFr", table: "Interventions", type: "TEXT", maxLength: 200, nullable: true,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 200);
            migrationBuilder.AlterColumn<string>(name: "TextFr", table: "Decisions", type: "TEXT", maxLength: 2000, nullable: true,
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 2000);
            migrationBuilder.AddColumn<string>(name: "VenueTextAr", table: "Meetings", type: "TEXT", maxLength: 300, nullable: true);
            migrationBuilder.AddColumn<string>(name: "ChairNameAr", table: "Meetings", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RepresentedByAr", table: "MeetingInvitations", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "SpeakerAr", table: "AgendaItems", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "SpeakerAr", table: "Interventions", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "RoleAr", table: "Interventions", type: "TEXT", maxLength: 200, nullable: true);
            migrationBuilder.AddColumn<string>(name: "TextAr", table: "Decisions", type: "TEXT", maxLength: 2000, nullable: true);
            // SQLite rebuilds a table to make a column nullable only at the end of the migration, after these updates: the two
            // columns that were required (an intervention's speaker, a decision's text) keep an empty French value, which
            // every reader treats as empty (Bilingual.For and IsEmpty), instead of NULL.
            migrationBuilder.Sql(@"UPDATE ""Meetings"" SET ""VenueTextAr"" = ""VenueTextFr"", ""VenueTextFr"" = NULL WHERE ""VenueTextFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""Meetings"" SET ""ChairNameAr"" = ""ChairNameFr"", ""ChairNameFr"" = NULL WHERE ""ChairNameFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""MeetingInvitations"" SET ""RepresentedByAr"" = ""RepresentedByFr"", ""RepresentedByFr"" = NULL WHERE ""RepresentedByFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""AgendaItems"" SET ""SpeakerAr"" = ""SpeakerFr"", ""SpeakerFr"" = NULL WHERE ""SpeakerFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""Interventions"" SET ""SpeakerAr"" = ""SpeakerFr"", ""SpeakerFr"" = '' WHERE ""SpeakerFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""Interventions"" SET ""RoleAr"" = ""RoleFr"", ""RoleFr"" = NULL WHERE ""RoleFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
            migrationBuilder.Sql(@"UPDATE ""Decisions"" SET ""TextAr"" = ""TextFr"", ""TextFr"" = '' WHERE ""TextFr"" GLOB '*[؀-ۿݐ-ݿﭐ-﷿ﹰ-ﻼ]*';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one column: the French value, or the Arabic one where there is no French.
            migrationBuilder.Sql(@"UPDATE ""Meetings"" SET ""VenueTextFr"" = COALESCE(""VenueTextFr"", ""VenueTextAr"");");
            migrationBuilder.Sql(@"UPDATE ""Meetings"" SET ""ChairNameFr"" = COALESCE(""ChairNameFr"", ""ChairNameAr"");");
            migrationBuilder.Sql(@"UPDATE ""MeetingInvitations"" SET ""RepresentedByFr"" = COALESCE(""RepresentedByFr"", ""RepresentedByAr"");");
            migrationBuilder.Sql(@"UPDATE ""AgendaItems"" SET ""SpeakerFr"" = COALESCE(""SpeakerFr"", ""SpeakerAr"");");
            migrationBuilder.Sql(@"UPDATE ""Interventions"" SET ""SpeakerFr"" = COALESCE(""SpeakerFr"", ""SpeakerAr"", '');");
            migrationBuilder.Sql(@"UPDATE ""Interventions"" SET ""RoleFr"" = COALESCE(""RoleFr"", ""RoleAr"");");
            migrationBuilder.Sql(@"UPDATE ""Decisions"" SET ""TextFr"" = COALESCE(""TextFr"", ""TextAr"", '');");
            migrationBuilder.DropColumn(name: "VenueTextAr", table: "Meetings");
            migrationBuilder.DropColumn(name: "ChairNameAr", table: "Meetings");
            migrationBuilder.DropColumn(name: "RepresentedByAr", table: "MeetingInvitations");
            migrationBuilder.DropColumn(name: "SpeakerAr", table: "AgendaItems");
            migrationBuilder.DropColumn(name: "SpeakerAr", table: "Interventions");
            migrationBuilder.DropColumn(name: "RoleAr", table: "Interventions");
            migrationBuilder.DropColumn(name: "TextAr", table: "Decisions");
            migrationBuilder.AlterColumn<string>(name: "SpeakerFr", table: "Interventions", type: "TEXT", maxLength: 200, nullable: false, defaultValue: "",
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 200, oldNullable: true);
            migrationBuilder.AlterColumn<string>(name: "TextFr", table: "Decisions", type: "TEXT", maxLength: 2000, nullable: false, defaultValue: "",
                oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 2000, oldNullable: true);
            migrationBuilder.RenameColumn(name: "VenueTextFr", table: "Meetings", newName: "VenueText");
            migrationBuilder.RenameColumn(name: "ChairNameFr", table: "Meetings", newName: "ChairName");
            migrationBuilder.RenameColumn(name: "RepresentedByFr", table: "MeetingInvitations", newName: "RepresentedBy");
            migrationBuilder.RenameColumn(name: "SpeakerFr", table: "AgendaItems", newName: "Speaker");
            migrationBuilder.RenameColumn(name: "SpeakerFr", table: "Interventions", newName: "Speaker");
            migrationBuilder.RenameColumn(name: "RoleFr", table: "Interventions", newName: "Role");
            migrationBuilder.RenameColumn(name: "TextFr", table: "Decisions", newName: "Text");
        }
    }
}
