"""numeric questions (a tolerance column) and the rejected status

Revision ID: d9b4e1a7c3f2
Revises: 5e55a0f1c0de
Create Date: 2026-12-04 18:50:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd9b4e1a7c3f2'
down_revision = '5e55a0f1c0de'
branch_labels = None
depends_on = None

OLD_FORMATS = "format IN ('multiple_choice', 'short_answer', 'true_false')"
NEW_FORMATS = "format IN ('multiple_choice', 'short_answer', 'true_false', 'numeric')"
OLD_STATUSES = "status IN ('draft', 'published', 'archived')"
NEW_STATUSES = "status IN ('draft', 'published', 'archived', 'rejected')"
TOLERANCE = (
    "(format = 'numeric' AND tolerance IS NOT NULL AND tolerance >= 0)"
    " OR (format != 'numeric' AND tolerance IS NULL)"
)


def upgrade():
    # Existing rows are none of them numeric, so a NULL tolerance satisfies the new check.
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tolerance', sa.Float(), nullable=True))
        batch_op.drop_constraint(op.f('ck_questions_format'), type_='check')
        batch_op.drop_constraint(op.f('ck_questions_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_questions_format'), NEW_FORMATS)
        batch_op.create_check_constraint(op.f('ck_questions_status'), NEW_STATUSES)
        batch_op.create_check_constraint(op.f('ck_questions_tolerance'), TOLERANCE)


def downgrade():
    # Rows the old schema cannot hold are brought back into it: numeric questions become
    # short answers (their value stays the accepted answer), rejected ones archived.
    op.execute("UPDATE questions SET format = 'short_answer', tolerance = NULL WHERE format = 'numeric'")
    op.execute("UPDATE questions SET status = 'archived' WHERE status = 'rejected'")
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_questions_tolerance'), type_='check')
        batch_op.drop_constraint(op.f('ck_questions_status'), type_='check')
        batch_op.drop_constraint(op.f('ck_questions_format'), type_='check')
        batch_op.create_check_constraint(op.f('ck_questions_format'), OLD_FORMATS)
        batch_op.create_check_constraint(op.f('ck_questions_status'), OLD_STATUSES)
        batch_op.drop_column('tolerance')
