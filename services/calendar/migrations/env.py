from services.kit.db import alembic_env
from services.calendar.models import Base

alembic_env(Base.metadata)
