using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegionalTraining.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class OfferLinksToConstraints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferLinks",
                table: "OfferLinks");

            migrationBuilder.AlterColumn<int>(
                name: "NeedId",
                table: "OfferLinks",
                type: "int",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "int");

            // Fixed by hand: SQL Server cannot alter a column to IDENTITY, but it can add a new IDENTITY column (the
            // existing links are numbered as it is added); a default value on an identity column is refused, so none.
            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "OfferLinks",
                type: "int",
                nullable: false)
                .Annotation("SqlServer:Identity", "1, 1");

            migrationBuilder.AddColumn<int>(
                name: "ConstraintId",
                table: "OfferLinks",
                type: "int",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferLinks",
                table: "OfferLinks",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_OfferLinks_ConstraintId",
                table: "OfferLinks",
                column: "ConstraintId");

            migrationBuilder.CreateIndex(
                name: "IX_OfferLinks_OfferId_ConstraintId",
                table: "OfferLinks",
                columns: new[] { "OfferId", "ConstraintId" },
                unique: true,
                filter: "ConstraintId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OfferLinks_OfferId_NeedId",
                table: "OfferLinks",
                columns: new[] { "OfferId", "NeedId" },
                unique: true,
                filter: "NeedId IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_OfferLinks_OneItem",
                table: "OfferLinks",
                sql: "(NeedId IS NOT NULL AND ConstraintId IS NULL) OR (NeedId IS NULL AND ConstraintId IS NOT NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_OfferLinks_Constraints_ConstraintId",
                table: "OfferLinks",
                column: "ConstraintId",
                principalTable: "Constraints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Added by hand: a link to a constraint has no place in the old table, whose key is (OfferId, NeedId).
            migrationBuilder.Sql("DELETE FROM OfferLinks WHERE NeedId IS NULL");

            migrationBuilder.DropForeignKey(
                name: "FK_OfferLinks_Constraints_ConstraintId",
                table: "OfferLinks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferLinks",
                table: "OfferLinks");

            migrationBuilder.DropIndex(
                name: "IX_OfferLinks_ConstraintId",
                table: "OfferLinks");

            migrationBuilder.DropIndex(
                name: "IX_OfferLinks_OfferId_ConstraintId",
                table: "OfferLinks");

            migrationBuilder.DropIndex(
                name: "IX_OfferLinks_OfferId_NeedId",
                table: "OfferLinks");

            migrationBuilder.DropCheckConstraint(
                name: "CK_OfferLinks_OneItem",
                table: "OfferLinks");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "OfferLinks");

            migrationBuilder.DropColumn(
                name: "ConstraintId",
                table: "OfferLinks");

            migrationBuilder.AlterColumn<int>(
                name: "NeedId",
                table: "OfferLinks",
                type: "int",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "int",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferLinks",
                table: "OfferLinks",
                columns: new[] { "OfferId", "NeedId" });
        }
    }
}
